"""What every part of devenv shares: paths, logging, locks, subprocesses."""

import contextlib
import fcntl
import os
import subprocess
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CACHE = os.path.join(
    os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "helpdesk_aftersales"
)
DATA_DIR = os.path.join(CACHE, "data")
STANDINS = os.path.join(ROOT, "standins")


class SetupError(Exception):
    """A setup step that failed; the message says what to do."""


def log(msg):
    print(f"[devenv {time.strftime('%H:%M:%S')}] {msg}", flush=True)


def run(cmd, check=True, **kwargs):
    return subprocess.run(cmd, check=check, **kwargs)


@contextlib.contextmanager
def locked(name):
    """An exclusive lock shared by every process of every work tree."""
    os.makedirs(CACHE, exist_ok=True)
    with open(os.path.join(CACHE, f"{name}.lock"), "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        yield


@contextlib.contextmanager
def heartbeat(what, every=20):
    """Print ``what … N s`` every ``every`` seconds while the block runs."""
    started = time.time()
    done = threading.Event()

    def beat():
        while not done.wait(every):
            log(f"  … {what}: {time.time() - started:.0f} s")

    thread = threading.Thread(target=beat, daemon=True)
    thread.start()
    try:
        yield
    finally:
        done.set()
        thread.join()


def sync_generated(wanted, check, done="written"):
    """Generated files: ``wanted`` maps each path to the text it must hold.
    Write the missing or outdated ones, or with ``check`` only name them.
    Returns the exit code (1 when ``check`` finds one)."""
    outdated = []
    for path, text in wanted.items():
        current = open(path, encoding="utf-8").read() if os.path.isfile(path) else None
        if current == text:
            continue
        outdated.append(os.path.relpath(path, ROOT))
        if not check:
            with open(path, "w", encoding="utf-8") as fh:
                fh.write(text)
    for path in outdated:
        print(f"{'outdated' if check else done}: {path}")
    return 1 if check and outdated else 0


def free_port():
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
