# Sourced by the export tests: build_dataset ZFXXGK DIR builds the golden dataset with
# `zfxxgk extract -o DIR` (what each fixture holds: fixtures/export/README.md). A second copy of
# the 2023 report from another source (one sentence differs), read from stdin so that its
# source path is stable, becomes the conflict file 2023-<sha8>.json. Returns non-zero when
# an extraction fails.
build_dataset() {
  local zfxxgk=$1 ds=$2
  "$zfxxgk" extract -o "$ds" \
    fixtures/reports/gb2021-seed-gaoping-2023.txt \
    fixtures/export/gb2021-gaoping-2022-own-texts.txt \
    fixtures/export/gb2021-gaoping-2024-copied-overview-carried-over-mismatch.txt \
    fixtures/reports/gb2019-truncated-headers-signed-cells.txt \
    fixtures/export/gb2021-wuhai-2021.txt \
    fixtures/export/gb2021-wuhai-renamed-2023-total-misprinted.txt \
    fixtures/reports/freeform-2017-lishui.txt 2>/dev/null || return 1
  sed 's/主要集中在拆违治乱有关信息申请/主要集中在其他信息申请/' fixtures/reports/gb2021-seed-gaoping-2023.txt |
    "$zfxxgk" extract -o "$ds" - 2>/dev/null
}
