// Reads WARC files with warcio.js — an implementation independent of ours — and prints, as
// JSON, every record it finds and every problem: a block whose length or sha256 does not match
// its header, a missing or malformed mandatory field, an HTTP message it cannot parse.
// Usage: node warcio_check.mjs FILE...   (exit status 1 when there are problems)
import { WARCParser } from 'warcio';
import fs from 'node:fs';
import crypto from 'node:crypto';

const out = { records: [], problems: [] };
const dateRe = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,9})?Z$/;
const idRe = /^<urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}>$/;

for (const file of process.argv.slice(2)) {
  const problem = (i, what) => out.problems.push(`${file}: record ${i}: ${what}`);
  // Pass 1: WARC level — every block as stored, checked against Content-Length and its digest.
  let i = 0;
  try {
    for await (const rec of new WARCParser(fs.createReadStream(file), { parseHttp: false, keepHeadersCase: true })) {
      const h = rec.warcHeaders.headers;
      const type = h.get('WARC-Type');
      const id = h.get('WARC-Record-ID');
      const block = await rec.readFully(false);
      if (rec.warcHeaders.protocol !== 'WARC/1.1') problem(i, `version ${rec.warcHeaders.protocol}`);
      if (!idRe.test(id || '')) problem(i, `WARC-Record-ID ${id}`);
      if (!dateRe.test(h.get('WARC-Date') || '')) problem(i, `WARC-Date ${h.get('WARC-Date')}`);
      if (Number(h.get('Content-Length')) !== block.length) problem(i, `Content-Length ${h.get('Content-Length')} but ${block.length} bytes`);
      const digest = h.get('WARC-Block-Digest') || '';
      const sha = crypto.createHash('sha256').update(block).digest('hex');
      if (digest !== `sha256:${sha}`) problem(i, `WARC-Block-Digest ${digest} but sha256:${sha}`);
      if ((type === 'request' || type === 'response') && !h.get('WARC-Target-URI')) problem(i, 'no WARC-Target-URI');
      out.records.push({ file, type, id, uri: h.get('WARC-Target-URI') || null, block_sha256: sha });
      ++i;
    }
  } catch (e) {
    problem(i, `unreadable: ${e.message}`);
  }
  // Pass 2: HTTP level — request and response messages parse; the payload is what follows.
  let j = 0;
  try {
    for await (const rec of new WARCParser(fs.createReadStream(file))) {
      const type = rec.warcType;
      if (type === 'response' || type === 'request') {
        if (!rec.httpHeaders) problem(j, `${type} without an HTTP message`);
        if (type === 'response' && !(rec.httpHeaders && Number(rec.httpHeaders.statusCode) >= 100)) problem(j, 'no HTTP status');
        const payload = await rec.readFully(false);
        const r = out.records.find((x) => x.file === file && x.id === rec.warcHeaders.headers.get('WARC-Record-ID'));
        if (r && type === 'response') {
          r.status = Number(rec.httpHeaders.statusCode);
          r.payload_sha256 = crypto.createHash('sha256').update(payload).digest('hex');
        }
      } else {
        await rec.readFully(false);
      }
      ++j;
    }
  } catch (e) {
    problem(j, `HTTP parse failed: ${e.message}`);
  }
  if (i !== j) problem(i, `pass 1 saw ${i} records, pass 2 saw ${j}`);
}
process.stdout.write(JSON.stringify(out) + '\n');
process.exit(out.problems.length > 0 ? 1 : 0);
