-- POST a small JSON event to /events/, as the page's script would.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"event": "call_click", "page": "/stories/lillian/"}'
