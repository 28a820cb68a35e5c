"""A loopback SMS gateway (Python's http.server) for the campaign sender's tests.

Usage: sms_gateway.py OUT_DIR FAIL_FLAG SLOW_FLAG
Prints the port it listens on, then answers each POST: it stores what it received as
OUT_DIR/NNNN.json ({"path", "content_type", "auth", "body"}) and answers 200 with a message id.
While the file FAIL_FLAG exists, a message whose body holds the number written in that file is
answered 503 and not stored; while SLOW_FLAG exists, such a message gets no answer for 5 seconds
(the sender's timeout is shorter) and is not stored.
"""

import json
import os
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

OUT_DIR, FAIL_FLAG, SLOW_FLAG = sys.argv[1], sys.argv[2], sys.argv[3]


def flagged(flag, body):
    if not os.path.exists(flag):
        return False
    with open(flag, encoding="utf-8") as f:
        number = f.read().strip()
    return bool(number) and number in body.replace("%2B", "+")


class Gateway(BaseHTTPRequestHandler):
    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length).decode("utf-8", "replace")
        if flagged(SLOW_FLAG, body):
            time.sleep(5)
            self.send_response(504)
            self.end_headers()
            return
        if flagged(FAIL_FLAG, body):
            self.send_response(503)
            self.end_headers()
            self.wfile.write(b"gateway overloaded")
            return
        n = len([f for f in os.listdir(OUT_DIR) if f.endswith(".json")])
        path = os.path.join(OUT_DIR, f"{n:04}.json")
        record = {
            "path": self.path,
            "content_type": self.headers.get("Content-Type"),
            "auth": self.headers.get("X-Api-Key") or self.headers.get("Authorization"),
            "body": body,
        }
        with open(path + ".tmp", "w", encoding="utf-8") as f:
            json.dump(record, f)
        os.rename(path + ".tmp", path)
        answer = json.dumps({"id": f"msg-{n}", "status": "queued"}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, *args):
        pass


server = ThreadingHTTPServer(("127.0.0.1", 0), Gateway)
print(server.server_address[1], flush=True)
server.serve_forever()
