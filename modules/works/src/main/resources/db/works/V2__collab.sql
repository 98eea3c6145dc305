-- Live co-editing of text works (org.creativecities.works.collab): each work's document is an ordered log of
-- CodeMirror change sets. A document's row holds its version (the number of updates applied), advanced in the
-- transaction that stores the updates; UNIQUE (work_id, version) on the log backs the numbering. A snapshot holds the
-- whole text at a version, so that a document loads from its latest snapshot and the updates after it.
-- work_id refers to work(id); no foreign key yet, since the works table is migrated by another change (V1).
CREATE TABLE collab_document (
    work_id          BIGINT       NOT NULL PRIMARY KEY,
    version          BIGINT       NOT NULL,
    snapshot_version BIGINT       NOT NULL,
    updated_at       TIMESTAMP    NOT NULL
);

CREATE TABLE collab_update (
    work_id     BIGINT        NOT NULL,
    version     BIGINT        NOT NULL,
    client_id   VARCHAR(64)   NOT NULL,
    author_id   BIGINT        NOT NULL,
    changes     TEXT          NOT NULL,
    created_at  TIMESTAMP     NOT NULL,
    CONSTRAINT collab_update_pk PRIMARY KEY (work_id, version)
);

CREATE TABLE collab_snapshot (
    work_id     BIGINT        NOT NULL,
    version     BIGINT        NOT NULL,
    body        TEXT          NOT NULL,
    created_at  TIMESTAMP     NOT NULL,
    CONSTRAINT collab_snapshot_pk PRIMARY KEY (work_id, version)
);
