"""An ``odoo-bin`` server started for one suite-level test, and a JSON-RPC
client that talks to it as the web client does (logged in, cookie session)."""

import http.cookiejar
import json
import os
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request

from .odoo_shell import DEVENV, ROOT


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class OdooServer:
    """``odoo-bin`` on ``db`` with ``args`` (after the options of `python3 -m tools.devenv odoo`:
    later options override them), on free HTTP and gevent ports; its log is
    kept in ``self.log_path``. Use as a context manager: the server and its
    workers are stopped at the end."""

    def __init__(self, platform_env, db, *args, timeout=180):
        self.env = platform_env
        self.db = db
        self.port = free_port()
        self.gevent_port = free_port()
        self.timeout = timeout
        self.args = [
            f"--http-port={self.port}",
            "--http-interface=127.0.0.1",
            f"--gevent-port={self.gevent_port}",
            "--max-cron-threads=0",
            "--log-level=info",
            *args,
        ]
        fd, self.log_path = tempfile.mkstemp(prefix="ha_odoo_", suffix=".log")
        os.close(fd)
        self.proc = None

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self):
        with open(self.log_path, "w", encoding="utf-8") as log:
            # Its own process group: stopping it stops devenv, odoo-bin and its workers.
            self.proc = subprocess.Popen(
                [*DEVENV, "odoo", "--db", self.db, "--", *self.args],
                cwd=ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.time() + self.timeout
        while time.time() < deadline:
            assert self.proc.poll() is None, "odoo-bin exited:\n" + self.log()[-3000:]
            try:
                with urllib.request.urlopen(self.url + "/web/login", timeout=5) as resp:
                    if resp.status == 200:
                        return self
            except OSError:
                time.sleep(1)
        self.__exit__(None, None, None)
        raise AssertionError("odoo-bin did not answer in time:\n" + self.log()[-3000:])

    def __exit__(self, *exc):
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(10)
        return False

    def log(self):
        with open(self.log_path, encoding="utf-8", errors="replace") as fh:
            return fh.read()

    def client(self, login="admin", password="admin"):
        return JsonRpc(self, login, password)


class JsonRpc:
    """A logged-in session: ``call_kw`` posts what the web client posts."""

    def __init__(self, server, login, password):
        self.server = server
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )
        result = self.post(
            "/web/session/authenticate",
            {"db": server.db, "login": login, "password": password},
        )
        self.uid = result["uid"]

    def post(self, path, params, timeout=600):
        body = json.dumps({"jsonrpc": "2.0", "method": "call", "id": 1, "params": params})
        request = urllib.request.Request(
            self.server.url + path,
            data=body.encode(),
            headers={"Content-Type": "application/json"},
        )
        with self.opener.open(request, timeout=timeout) as resp:
            answer = json.loads(resp.read())
        assert "error" not in answer, json.dumps(answer["error"], indent=1)[:3000]
        return answer["result"]

    def call_kw(self, model, method, args, kwargs=None):
        return self.post(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        )

    def get(self, path):
        with self.opener.open(self.server.url + path, timeout=120) as resp:
            return resp.status, resp.read().decode("utf-8", "replace")
