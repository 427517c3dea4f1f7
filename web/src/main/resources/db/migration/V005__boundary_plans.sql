-- Purpose: community boundary plans and their edit journal. A plan assigns every population cell to
-- one of its communities (keys local to the plan; a key may continue a community of today). Edits
-- are appended to plan_edit and never rewritten; plan_cell holds the state they lead to. Adopting
-- a plan closes the changed communities (valid_to) and inserts their new versions: nothing is
-- deleted, and boundaries of any date stay retrievable.

CREATE TABLE boundary_plan (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name                 text        NOT NULL CHECK (length(name) > 0),
    -- 'today': today's communities to edit; 'proposal': the engine's plan from today's;
    -- 'scratch': proposed with no communities; 'grids': management grids of one community.
    origin               text        NOT NULL CHECK (origin IN ('today', 'proposal', 'scratch', 'grids')),
    run_id               bigint REFERENCES analysis_run (id) ON DELETE SET NULL,
    dataset_load_id      bigint REFERENCES dataset_load (id) ON DELETE SET NULL,
    parent_community_id  bigint REFERENCES community (id),
    min_households       integer     NOT NULL CHECK (min_households >= 0),
    target_households    integer     NOT NULL CHECK (target_households >= min_households),
    max_households       integer     NOT NULL CHECK (max_households >= target_households),
    status               text        NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'adopted')),
    created_at           timestamptz NOT NULL DEFAULT now(),
    adopted_at           timestamptz,
    summary              jsonb       NOT NULL DEFAULT '{}'::jsonb,
    CHECK ((status = 'adopted') = (adopted_at IS NOT NULL)),
    CHECK ((origin = 'grids') = (parent_community_id IS NOT NULL))
);

CREATE TABLE plan_community (
    plan_id                 bigint  NOT NULL REFERENCES boundary_plan (id) ON DELETE CASCADE,
    key                     integer NOT NULL CHECK (key >= 0),
    -- The community of today it continues (keeps name and code), NULL for a new one.
    continues_community_id  bigint REFERENCES community (id),
    code                    text    NOT NULL CHECK (code ~ '^[0-9A-Za-z_-]{1,32}$'),
    name                    text    NOT NULL CHECK (length(name) > 0),
    PRIMARY KEY (plan_id, key)
);

CREATE TABLE plan_cell (
    plan_id        bigint  NOT NULL REFERENCES boundary_plan (id) ON DELETE CASCADE,
    cell_id        bigint  NOT NULL,
    -- Where the plan started (today's community, or the proposal's) and where it is now.
    initial_key    integer NOT NULL,
    community_key  integer NOT NULL,
    -- The community of today the cell belonged to when the plan was made, NULL for none.
    today_community_id bigint REFERENCES community (id),
    PRIMARY KEY (plan_id, cell_id),
    FOREIGN KEY (plan_id, community_key) REFERENCES plan_community (plan_id, key),
    FOREIGN KEY (plan_id, initial_key) REFERENCES plan_community (plan_id, key)
);

-- Every edit, in order, with the cells it moved and where to: undo and redo are edits too.
CREATE TABLE plan_edit (
    plan_id     bigint      NOT NULL REFERENCES boundary_plan (id) ON DELETE CASCADE,
    seq         integer     NOT NULL CHECK (seq >= 1),
    kind        text        NOT NULL CHECK (kind IN ('move', 'rebalance', 'undo', 'redo', 'reject')),
    cell_ids    bigint[]    NOT NULL,
    to_keys     integer[]   NOT NULL CHECK (cardinality(to_keys) = cardinality(cell_ids)),
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (plan_id, seq)
);
