#!/usr/bin/env python3
"""Builds the benchmark inputs of the README's speed table from a folder of .eml files.

  make-inputs.py SRC OUT COPIES [--mbox-only]
      OUT/files/: COPIES copies of every message as single files (not with --mbox-only)
      OUT/all.mbox: the same messages as one mboxrd file

Each message gets a "From " separator line and its own ">From " lines quoted (mboxrd), so that
the mbox holds exactly the messages of the folder. Write OUT outside the repository.
"""
import os
import re
import sys

src, out, copies = sys.argv[1], sys.argv[2], int(sys.argv[3])
mbox_only = "--mbox-only" in sys.argv[4:]
names = sorted(n for n in os.listdir(src) if os.path.isfile(os.path.join(src, n)))
messages = []
for name in names:
    with open(os.path.join(src, name), "rb") as f:
        data = f.read()
    if data.startswith(b"From "):  # already an mbox entry: drop its separator
        data = data.split(b"\n", 1)[1] if b"\n" in data else b""
    messages.append((name, data))
os.makedirs(os.path.join(out, "files"), exist_ok=True)
quote = re.compile(rb"^(>*From )", re.M)
with open(os.path.join(out, "all.mbox"), "wb") as mbox:
    for copy in range(copies):
        folder = os.path.join(out, "files", "%04d" % copy)
        if not mbox_only:
            os.makedirs(folder, exist_ok=True)
        for name, data in messages:
            if not mbox_only:
                with open(os.path.join(folder, name), "wb") as f:
                    f.write(data)
            body = quote.sub(rb">\1", data.replace(b"\r\n", b"\n"))
            if not body.endswith(b"\n"):
                body += b"\n"
            mbox.write(b"From MAILER-DAEMON Mon Jan  1 00:00:00 2024\n" + body + b"\n")
print("%d messages in %s/all.mbox" % (copies * len(messages), out))
