-- wrk script: one valid beacon, repeated. Set the page id to a live page (PAGE_ID env var, default 5).
wrk.method = "POST"
wrk.body = '{"e":"page_view","p":' .. (os.getenv("PAGE_ID") or "5") .. ',"c":"radio"}'
wrk.headers["Content-Type"] = "text/plain;charset=UTF-8"
wrk.headers["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0 Safari/537.36"
