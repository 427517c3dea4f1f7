-- Purpose: who may use the service, and what they did. Accounts carry one role each (viewer <
-- planner < admin); an account is disabled, never deleted, so the audit log keeps naming someone
-- real. The audit log is append-only: the service inserts, nothing updates or deletes.

CREATE TABLE app_account (
    username       text        PRIMARY KEY CHECK (username ~ '^[A-Za-z0-9._@-]{1,64}$'),
    -- Spring Security's encoded form, '{bcrypt}$2a$…': the prefix names the hash, so a stronger
    -- one can take over account by account.
    password_hash  text        NOT NULL CHECK (password_hash LIKE '{%}%'),
    role           text        NOT NULL CHECK (role IN ('viewer', 'planner', 'admin')),
    enabled        boolean     NOT NULL DEFAULT true,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE audit_event (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT clock_timestamp(),
    -- The account, 'anonymous', or 'cli:<os user>' for the command line.
    actor       text        NOT NULL CHECK (length(actor) > 0),
    -- A dotted verb: 'import.succeeded', 'run.submitted', 'plan.edited', 'plan.adopted', …
    action      text        NOT NULL CHECK (action ~ '^[a-z]+(\.[a-z-]+)+$'),
    -- What it acted on: 'run:12', 'plan:3', 'account:li.ming', 'import:population'.
    target      text,
    detail      jsonb       NOT NULL DEFAULT '{}'::jsonb,
    remote_addr text
);

CREATE INDEX audit_event_at ON audit_event (at);
CREATE INDEX audit_event_actor ON audit_event (actor, at);
