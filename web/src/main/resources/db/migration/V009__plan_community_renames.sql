-- Purpose: the names planners give a plan's new communities. plan_community holds each community's
-- code and name now (a new one starts with a provisional "新社区 N（方案 P 暂定）"); every rename is
-- appended here, in order, with what it replaced, and never rewritten, as cell edits are in
-- plan_edit. Communities that continue one of today's keep its code and name and are not renamed.

CREATE TABLE plan_community_rename (
    plan_id      bigint      NOT NULL,
    seq          integer     NOT NULL CHECK (seq >= 1),
    key          integer     NOT NULL,
    former_code  text        NOT NULL,
    former_name  text        NOT NULL,
    code         text        NOT NULL CHECK (code ~ '^[0-9A-Za-z_-]{1,32}$'),
    name         text        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 64),
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (plan_id, seq),
    FOREIGN KEY (plan_id, key) REFERENCES plan_community (plan_id, key) ON DELETE CASCADE
);
