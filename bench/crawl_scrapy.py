#!/usr/bin/python3
"""The crawl benchmark's reference: the same simulated portals crawled by Scrapy (Debian's
python3-scrapy) with settings equivalent to `zfxxgk crawl --delay 0 --parallel N`: robots.txt
obeyed, one request at a time per host, no delay, retries on, the same report-link rule and
the same per-report work short of extraction (the body is hashed and written out as a JSON
line). Prints one JSON line with its counts.

With STATE_DIR, Scrapy also keeps what zfxxgk crawl keeps: every response on disk, compressed
(its HTTP cache with HTTPCACHE_GZIP, where zfxxgk writes WARC) and a resumable job (JOBDIR,
where zfxxgk keeps its SQLite state).

Usage: /usr/bin/python3 bench/crawl_scrapy.py PORTALS.tsv OUT.jsonl PARALLEL [STATE_DIR]
"""
import hashlib
import json
import re
import sys

import scrapy
from scrapy.crawler import CrawlerProcess

YEAR = re.compile(r"(?<!\d)(19[9]\d|20\d\d)(?!\d)")


def is_report_title(text):
    return ("年度报告" in text or "年报" in text) and "信息公开" in text and YEAR.search(text) is not None


class Portals(scrapy.Spider):
    name = "zfxxgk-bench"

    def __init__(self, portals, **kw):
        super().__init__(**kw)
        self.portals = portals
        self.reports = 0
        self.listings = 0

    def start_requests(self):
        for url in self.portals:
            yield scrapy.Request(url, callback=self.parse_listing)

    def parse_listing(self, response):
        self.listings += 1
        for a in response.css("a"):
            text = "".join(a.css("::text").getall()).strip()
            title = a.attrib.get("title", "")
            if is_report_title(text) or is_report_title(title):
                yield response.follow(a, callback=self.parse_report)

    def parse_report(self, response):
        self.reports += 1
        body = response.body
        yield {"url": response.url, "sha256": hashlib.sha256(body).hexdigest(), "bytes": len(body),
               "text": response.text}


def main():
    portals_file, out, parallel = sys.argv[1], sys.argv[2], int(sys.argv[3])
    state_dir = sys.argv[4] if len(sys.argv) > 4 else None
    portals = []
    with open(portals_file, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 2 and not line.startswith("#"):
                portals.append(cols[-1])
    settings = {
        "ROBOTSTXT_OBEY": True,
        "CONCURRENT_REQUESTS": parallel,
        "CONCURRENT_REQUESTS_PER_DOMAIN": 1,
        "CONCURRENT_REQUESTS_PER_IP": 1,
        "DOWNLOAD_DELAY": 0,
        "RANDOMIZE_DOWNLOAD_DELAY": False,
        "AUTOTHROTTLE_ENABLED": False,
        "RETRY_ENABLED": True,
        "RETRY_TIMES": 3,
        "DOWNLOAD_TIMEOUT": 120,
        "DOWNLOAD_MAXSIZE": 50 << 20,
        "COOKIES_ENABLED": False,
        "TELNETCONSOLE_ENABLED": False,
        "HTTPCACHE_ENABLED": False,
        "USER_AGENT": "zfxxgk-bench-scrapy (+contact: bench@example.org)",
        "LOG_LEVEL": "WARNING",
        "FEEDS": {out: {"format": "jsonlines", "encoding": "utf8"}},
        "REQUEST_FINGERPRINTER_IMPLEMENTATION": "2.7",
    }
    if state_dir:
        settings.update({"HTTPCACHE_ENABLED": True, "HTTPCACHE_GZIP": True, "HTTPCACHE_EXPIRATION_SECS": 0,
                         "HTTPCACHE_DIR": state_dir + "/httpcache", "JOBDIR": state_dir + "/job"})
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(Portals)
    process.crawl(crawler, portals=portals)
    process.start()
    stats = crawler.stats.get_stats()
    print(json.dumps({"listings": crawler.spider.listings, "reports": crawler.spider.reports,
                      "responses": stats.get("downloader/response_count", 0),
                      "requests": stats.get("downloader/request_count", 0)}))


if __name__ == "__main__":
    main()
