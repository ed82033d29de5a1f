"""A throwaway PostgreSQL cluster for the test session.

PostgreSQL refuses to run as root, so as root the cluster is created and started as the
``postgres`` user (``runuser``); it listens only on a Unix socket in a private temp folder.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import psycopg


class PostgresUnavailable(Exception):
    """No PostgreSQL server binaries, or the cluster would not start."""


def _find(binary: str) -> str | None:
    found = shutil.which(binary)
    if found:
        return found
    for candidate in sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{binary}"), reverse=True):
        return str(candidate)
    return None


@dataclasses.dataclass
class PostgresCluster:
    folder: Path
    pg_ctl: str
    as_postgres: bool

    @property
    def socket_dir(self) -> Path:
        return self.folder / "socket"

    @property
    def data_dir(self) -> Path:
        return self.folder / "data"

    def _run(self, *command: str) -> subprocess.CompletedProcess[str]:
        if self.as_postgres:
            command = ("runuser", "-u", "postgres", "--", *command)
        return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)

    @classmethod
    def start(cls) -> PostgresCluster:
        initdb, pg_ctl = _find("initdb"), _find("pg_ctl")
        if not initdb or not pg_ctl:
            raise PostgresUnavailable("initdb/pg_ctl not found (apt-get install postgresql)")
        as_postgres = os.geteuid() == 0
        if as_postgres and not shutil.which("runuser"):
            raise PostgresUnavailable("running as root and runuser is missing")
        folder = Path(tempfile.mkdtemp(prefix="convene-pg-", dir="/tmp"))
        cluster = cls(folder, pg_ctl, as_postgres)
        cluster.socket_dir.mkdir()
        if as_postgres:
            shutil.chown(folder, "postgres")
            shutil.chown(cluster.socket_dir, "postgres")
            folder.chmod(0o755)
        result = cluster._run(
            initdb, "-D", str(cluster.data_dir), "-U", "postgres", "-A", "trust",
            "-E", "UTF8", "--no-sync", "--locale=C",
        )  # fmt: skip
        if result.returncode != 0:
            shutil.rmtree(folder, ignore_errors=True)
            raise PostgresUnavailable(f"initdb failed: {result.stderr.strip()[-400:]}")
        try:
            cluster.start_server()
        except PostgresUnavailable:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        return cluster

    def start_server(self) -> None:
        """Start the server on this cluster's files (again, after ``stop_server``)."""
        options = (
            f"-k {self.socket_dir} -c listen_addresses='' -c fsync=off"
            " -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        )
        result = self._run(
            self.pg_ctl, "-D", str(self.data_dir), "-o", options, "-w", "-t", "60",
            "-l", str(self.folder / "server.log"), "start",
        )  # fmt: skip
        if result.returncode != 0:
            log = (self.folder / "server.log").read_text(errors="replace")[-400:]
            raise PostgresUnavailable(f"pg_ctl start failed: {result.stderr.strip()} {log}")

    def stop_server(self) -> None:
        """Stop the server as a restart does (its files stay; ``start_server`` brings it back)."""
        self._run(self.pg_ctl, "-D", str(self.data_dir), "-m", "fast", "-w", "stop")

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://postgres@/{database}?host={self.socket_dir}"

    def _admin(self, sql: str) -> None:
        with psycopg.connect(
            host=str(self.socket_dir), user="postgres", dbname="postgres", autocommit=True
        ) as connection:
            connection.execute(sql)

    def create_database(self, name: str, template: str | None = None) -> None:
        suffix = f" TEMPLATE {template}" if template else ""
        self._admin(f'CREATE DATABASE "{name}"{suffix}')

    def drop_database(self, name: str) -> None:
        self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        self._run(self.pg_ctl, "-D", str(self.data_dir), "-m", "immediate", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)
