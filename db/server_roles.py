"""Who may do what on a shared PostgreSQL server, enforced by the server itself.

``set_up_server`` (run by the server's administrator, the owner of the tables) makes three
group roles (NOLOGIN) and gives them their rights with PostgreSQL's own grants:

- ``convene_viewer`` reads everything but people's contact details: it has no right on the
  ``email``, ``phone`` and ``notes`` columns of ``person``, nor on ``audit_entry.changes``; it
  reads those tables through the views of the ``convene_restricted`` schema, which show the
  same rows with those values left out (a connection whose login lacks the rights puts that
  schema first in its ``search_path``: ``db.engine``). It may keep the period
  figures (derived data) up to date, so reports work.
- ``convene_editor`` adds and changes records (SELECT, INSERT, UPDATE; DELETE only on the link
  tables and the figures).
- ``convene_admin`` also deletes for good, merges, anonymises and gives the two roles above.

The audit trail: a trigger stamps every new ``audit_entry`` with ``session_user`` and the
server's clock, whatever the client sent, and refuses ``merge`` and ``anonymise`` entries from
anyone but an administrator (every merge and anonymisation writes one in its transaction, so
the database refuses the whole change). No role but the owner may update or delete an entry;
anonymisation blanks the personal values of erased people in past entries through the one
``SECURITY DEFINER`` function ``convene_redact_history`` (administrators only), which touches
only entries of people already in the register of erasures.

Everything here is idempotent: running it again re-applies the same rights (and picks up tables
added by a schema upgrade).
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from db.engine import RESTRICTED_SCHEMA
from db.rights import FULL_RIGHTS, AccountRights

ROLES = {"viewer": "convene_viewer", "editor": "convene_editor", "admin": "convene_admin"}
# What a viewer may not read: people's contact details, and the audit values that repeat them.
CONTACT_COLUMNS = ("email", "phone", "notes")
REDACT_FUNCTION = "convene_redact_history"
# Link tables whose rows the application deletes in ordinary edits (a changed list of donors or
# fields of work), and the figures (derived data, rebuilt from the records).
_LINK_TABLES = ("event_field_of_work", "project_donor")
_ADMIN_ACTIONS = ("merge", "anonymise")


class ServerRoleError(Exception):
    """A ``server`` command that cannot be done as asked (one sentence)."""


def _q(connection: sa.Connection, name: str) -> str:
    return connection.dialect.identifier_preparer.quote(name)


def _tables(connection: sa.Connection) -> list[str]:
    return list(
        connection.scalars(
            sa.text(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
            )
        )
    )


def _columns(connection: sa.Connection, table: str) -> list[str]:
    return list(
        connection.scalars(
            sa.text(
                "SELECT attname FROM pg_attribute WHERE attrelid = CAST(:t AS regclass) "
                "AND attnum > 0 AND NOT attisdropped ORDER BY attnum"
            ),
            {"t": f"public.{table}"},
        )
    )


def _create_roles(connection: sa.Connection) -> None:
    for role in ROLES.values():
        exists = connection.scalar(
            sa.text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}
        )
        if not exists:
            connection.exec_driver_sql(f"CREATE ROLE {role} NOLOGIN")
    # Administrators manage who views and who edits (granting the admin role itself is for the
    # server's administrator).
    connection.exec_driver_sql(
        "GRANT convene_viewer, convene_editor TO convene_admin WITH ADMIN OPTION"
    )


def _restricted_views(connection: sa.Connection) -> None:
    """The ``person`` and ``audit_entry`` a viewer sees: the same rows, no contact details."""
    connection.exec_driver_sql(f"CREATE SCHEMA IF NOT EXISTS {RESTRICTED_SCHEMA}")
    person = []
    for column in _columns(connection, "person"):
        if column in CONTACT_COLUMNS:
            # keeps the column's type; always NULL
            person.append(f"CASE WHEN false THEN p.{column} END AS {column}")
        elif column == "search_words":
            # the searchable words end with " " and the e-mail address (migration 0002)
            person.append("split_part(p.search_words, ' ', 1) AS search_words")
        else:
            person.append(f"p.{_q(connection, column)}")
    audit = [
        "CASE WHEN a.entity = 'person' THEN CAST(CAST(a.changes AS jsonb) "
        + "".join(f" - '{c}'" for c in CONTACT_COLUMNS)
        + " AS json) ELSE a.changes END AS changes"
        if column == "changes"
        else f"a.{_q(connection, column)}"
        for column in _columns(connection, "audit_entry")
    ]
    for name, select in (
        ("person", f"SELECT {', '.join(person)} FROM public.person p"),
        ("audit_entry", f"SELECT {', '.join(audit)} FROM public.audit_entry a"),
    ):
        connection.exec_driver_sql(f"DROP VIEW IF EXISTS {RESTRICTED_SCHEMA}.{name}")
        connection.exec_driver_sql(f"CREATE VIEW {RESTRICTED_SCHEMA}.{name} AS {select}")


def _grant(connection: sa.Connection) -> None:
    run = connection.exec_driver_sql
    roles = ", ".join(ROLES.values())
    tables = _tables(connection)
    figures = [t for t in tables if t.startswith("figures_")]
    for schema in ("public", RESTRICTED_SCHEMA):
        run(f"REVOKE ALL ON ALL TABLES IN SCHEMA {schema} FROM {roles}")
        run(f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {schema} FROM {roles}")
        run(f"GRANT USAGE ON SCHEMA {schema} TO {roles}")
    run(f"REVOKE ALL ON ALL TABLES IN SCHEMA {RESTRICTED_SCHEMA} FROM PUBLIC")
    run(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {roles}")
    # Viewers: everything but the contact details.
    run("GRANT SELECT ON ALL TABLES IN SCHEMA public TO convene_viewer")
    for table in ("person", "audit_entry"):
        hidden = (*CONTACT_COLUMNS, "search_words") if table == "person" else ("changes",)
        allowed = [c for c in _columns(connection, table) if c not in hidden]
        run(f"REVOKE SELECT ON public.{table} FROM convene_viewer")
        run(f"GRANT SELECT ({', '.join(allowed)}) ON public.{table} TO convene_viewer")
        run(f"GRANT SELECT ON {RESTRICTED_SCHEMA}.{table} TO convene_viewer")
    # Editors and administrators.
    run("GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA public TO convene_editor")
    run("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO convene_admin")
    links = [t for t in (*_LINK_TABLES, *figures) if t in tables]
    if links:
        run(f"GRANT DELETE ON {', '.join(links)} TO convene_editor")
    if figures:
        run(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {', '.join(figures)} TO convene_viewer")
    # The audit trail and the schema version: written by no one but the owner once there.
    run(f"REVOKE UPDATE, DELETE, TRUNCATE ON audit_entry FROM {roles}, PUBLIC")
    run(f"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON alembic_version FROM {roles}, PUBLIC")
    run(f"REVOKE ALL ON FUNCTION {REDACT_FUNCTION}(text, uuid[]) FROM PUBLIC")
    run(f"GRANT EXECUTE ON FUNCTION {REDACT_FUNCTION}(text, uuid[]) TO convene_admin")


_STAMP_AUDIT = f"""
CREATE OR REPLACE FUNCTION convene_stamp_audit() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
BEGIN
    NEW.actor := left(session_user::text, 100);
    NEW.created_at := clock_timestamp();
    NEW.updated_at := NEW.created_at;
    IF NEW.action IN ({", ".join(f"'{a}'" for a in _ADMIN_ACTIONS)})
       AND NOT pg_has_role(session_user, 'convene_admin', 'USAGE')
       AND NOT pg_has_role(session_user,
                           (SELECT relowner FROM pg_class WHERE oid = 'public.audit_entry'::regclass),
                           'USAGE') THEN
        RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
            MESSAGE = 'permission denied: only an administrator may ' || NEW.action || ' records';
    END IF;
    RETURN NEW;
END $$
"""

_STAMP_IMPORT = """
CREATE OR REPLACE FUNCTION convene_stamp_import() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
BEGIN
    NEW.actor := left(session_user::text, 100);
    RETURN NEW;
END $$
"""


def _redact_function() -> str:
    from db.erasure import ANONYMISED_NAME, ERASED, PARTICIPATION_FIELDS, PERSON_FIELDS

    def array(names: tuple[str, ...]) -> str:
        return "ARRAY[" + ", ".join(f"'{n}'" for n in names) + "]"

    # The same blanking as db.erasure._scrub_history does in Python on other databases.
    return f"""
CREATE OR REPLACE FUNCTION {REDACT_FUNCTION}(p_entity text, p_ids uuid[]) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    r record;
    c jsonb;
    f text;
    fields text[];
    done integer := 0;
BEGIN
    IF p_entity = 'person' THEN
        fields := {array(PERSON_FIELDS)};
    ELSIF p_entity = 'participation' THEN
        fields := {array(PARTICIPATION_FIELDS)};
    ELSE
        RAISE EXCEPTION 'only the history of people and participations is redacted';
    END IF;
    FOR r IN
        SELECT a.id, CAST(a.changes AS jsonb) AS changes, a.summary
        FROM audit_entry a
        WHERE a.entity = p_entity AND a.entity_id = ANY (p_ids)
          AND (CASE WHEN p_entity = 'person'
                    THEN a.entity_id IN (SELECT person_id FROM erasure)
                    ELSE a.entity_id IN (SELECT p.id FROM participation p
                                         JOIN erasure e ON e.person_id = p.person_id) END)
    LOOP
        c := coalesce(r.changes, '{{}}'::jsonb);
        FOREACH f IN ARRAY fields LOOP
            IF jsonb_typeof(c -> f) = 'array' THEN
                c := jsonb_set(c, ARRAY[f], (
                    SELECT coalesce(jsonb_agg(CASE WHEN v IN ('null', to_jsonb('{ANONYMISED_NAME}'::text),
                                                              to_jsonb('{ERASED}'::text))
                                                   THEN v ELSE to_jsonb('{ERASED}'::text) END
                                              ORDER BY i), '[]'::jsonb)
                    FROM jsonb_array_elements(c -> f) WITH ORDINALITY AS t(v, i)));
            END IF;
        END LOOP;
        IF jsonb_typeof(c -> 'match_key') = 'array' THEN
            c := jsonb_set(c, ARRAY['match_key'], (
                SELECT coalesce(jsonb_agg(CASE WHEN v IN ('null', '""') THEN v
                                               ELSE to_jsonb('{ERASED}'::text) END
                                          ORDER BY i), '[]'::jsonb)
                FROM jsonb_array_elements(c -> 'match_key') WITH ORDINALITY AS t(v, i)));
        END IF;
        IF c IS DISTINCT FROM coalesce(r.changes, '{{}}'::jsonb)
           OR (p_entity = 'person' AND r.summary IS NOT NULL) THEN
            UPDATE audit_entry
               SET changes = CAST(c AS json),
                   summary = CASE WHEN p_entity = 'person' THEN NULL ELSE summary END
             WHERE id = r.id;
            done := done + 1;
        END IF;
    END LOOP;
    RETURN done;
END $$
"""


def _triggers(connection: sa.Connection) -> None:
    run = connection.exec_driver_sql
    run(_STAMP_AUDIT)
    run(_STAMP_IMPORT)
    run(_redact_function())
    for table, function in (("audit_entry", "audit"), ("import_batch", "import")):
        run(f"DROP TRIGGER IF EXISTS convene_stamp ON {table}")
        run(
            f"CREATE TRIGGER convene_stamp BEFORE INSERT ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION convene_stamp_{function}()"
        )


def set_up_server(connection: sa.Connection) -> None:
    """Make the roles, the views, the triggers and the grants (idempotent), in the caller's
    transaction; the schema must already be at the newest version."""
    if not connection.scalar(sa.text("SELECT rolcreaterole OR rolsuper FROM pg_roles "
                                     "WHERE rolname = session_user")):  # fmt: skip
        raise ServerRoleError(
            "server setup needs a login that may create roles (the server's administrator)"
        )
    owner = connection.scalar(
        sa.text("SELECT pg_has_role(session_user, relowner, 'USAGE') FROM pg_class "
                "WHERE oid = 'public.audit_entry'::regclass")
    )  # fmt: skip
    if not owner:
        raise ServerRoleError("server setup must be run by the owner of Convene's tables")
    _create_roles(connection)
    _triggers(connection)
    _restricted_views(connection)
    _grant(connection)


def _is_login(connection: sa.Connection, login: str) -> bool:
    return bool(
        connection.scalar(
            sa.text("SELECT rolcanlogin FROM pg_roles WHERE rolname = :r"), {"r": login}
        )
    )


def grant_role(connection: sa.Connection, login: str, level: str) -> None:
    """Give the existing login ``login`` the rights of ``level`` (viewer, editor, admin) and no
    other Convene role."""
    if level not in ROLES:
        raise ServerRoleError(f"unknown role {level!r}: choose viewer, editor or admin")
    if not _is_login(connection, login):
        raise ServerRoleError(f"there is no login role {login!r} on this server")
    revoke_roles(connection, login)
    connection.exec_driver_sql(f"GRANT {ROLES[level]} TO {_q(connection, login)}")


def revoke_roles(connection: sa.Connection, login: str) -> None:
    """Take every Convene role from ``login``."""
    if not _is_login(connection, login):
        raise ServerRoleError(f"there is no login role {login!r} on this server")
    held = connection.scalars(
        sa.text(
            "SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
            "JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = :r AND g.rolname IN "
            "('convene_viewer', 'convene_editor', 'convene_admin')"
        ),
        {"r": login},
    ).all()
    for role in held:
        connection.exec_driver_sql(f"REVOKE {role} FROM {_q(connection, login)}")


def list_users(connection: sa.Connection) -> list[dict[str, Any]]:
    """Every login that holds a Convene role: ``{"login", "role"}``, by login."""
    rows = connection.execute(
        sa.text(
            "SELECT u.rolname, g.rolname FROM pg_auth_members m "
            "JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member "
            "WHERE u.rolcanlogin AND g.rolname IN "
            "('convene_viewer', 'convene_editor', 'convene_admin') ORDER BY u.rolname"
        )
    ).all()
    level = {role: name for name, role in ROLES.items()}
    return [{"login": login, "role": level[role]} for login, role in rows]


def account_rights(connection: sa.Connection) -> AccountRights:
    """What this connection's login may do (everything on SQLite and on a server without
    Convene's roles, where the database has no such limits)."""
    if connection.dialect.name != "postgresql":
        return FULL_RIGHTS
    row = connection.execute(
        sa.text(
            "SELECT has_column_privilege('public.person', 'email', 'SELECT'), "
            "has_table_privilege('public.event', 'INSERT'), "
            "has_table_privilege('public.person', 'DELETE')"
        )
    ).one()
    return AccountRights(read_contacts=row[0], write=row[1], administer=row[2])
