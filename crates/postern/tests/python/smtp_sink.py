"""A real SMTP server (aiosmtpd) on 127.0.0.1 for the campaign sender's tests.

Usage: smtp_sink.py OUT_DIR REFUSE_FLAG [STALL_FLAG]
Prints the port it listens on, then stores each delivered message as OUT_DIR/NNNN.json
({"to": [...], "data": "..."}). While the file REFUSE_FLAG exists, recipients whose address
starts with "refuse" are refused at RCPT with a permanent 550. While the file STALL_FLAG exists,
the server stops answering at the RCPT of a recipient whose address starts with "stall" (a relay
that hangs mid-campaign): it answers only after the flag is gone, by which time the client has
given up, so that message is never delivered by that session.
"""

import asyncio
import json
import os
import sys

from aiosmtpd.smtp import SMTP

OUT_DIR, REFUSE_FLAG = sys.argv[1], sys.argv[2]
STALL_FLAG = sys.argv[3] if len(sys.argv) > 3 else None


class Sink:
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("refuse") and os.path.exists(REFUSE_FLAG):
            return "550 5.7.1 recipient refused by policy"
        if address.startswith("stall") and STALL_FLAG and os.path.exists(STALL_FLAG):
            while os.path.exists(STALL_FLAG):
                await asyncio.sleep(0.1)
            return "451 4.4.2 too late"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        n = len(os.listdir(OUT_DIR))
        path = os.path.join(OUT_DIR, f"{n:04}.json")
        with open(path + ".tmp", "w", encoding="utf-8") as f:
            json.dump({"to": envelope.rcpt_tos, "data": envelope.content.decode("utf-8", "replace")}, f)
        os.rename(path + ".tmp", path)
        return "250 Message accepted for delivery"


async def main():
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: SMTP(Sink(), hostname="sink.test"), "127.0.0.1", 0)
    print(server.sockets[0].getsockname()[1], flush=True)
    await server.serve_forever()


asyncio.run(main())
