-- Moderation of spaces and rooms: standing sanctions (mute, ban) and the audit log of every moderation action.

CREATE SEQUENCE sanction_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE sanction (
    id          BIGINT      NOT NULL PRIMARY KEY,
    space_id    BIGINT      NOT NULL,
    room_id     BIGINT,
    account_id  BIGINT      NOT NULL,
    kind        VARCHAR(8)  NOT NULL,
    until_at    TIMESTAMP WITH TIME ZONE,
    created_by  BIGINT      NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT fk_sanction_space FOREIGN KEY (space_id) REFERENCES space (id),
    CONSTRAINT fk_sanction_room FOREIGN KEY (room_id) REFERENCES room (id),
    CONSTRAINT fk_sanction_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT ck_sanction_kind CHECK (kind IN ('MUTE', 'BAN'))
);
CREATE INDEX ix_sanction_account ON sanction (account_id);

CREATE SEQUENCE audit_entry_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE audit_entry (
    id                 BIGINT       NOT NULL PRIMARY KEY,
    actor_id           BIGINT       NOT NULL,
    actor_name         VARCHAR(80)  NOT NULL,
    action             VARCHAR(32)  NOT NULL,
    space_id           BIGINT,
    room_id            BIGINT,
    target_account_id  BIGINT,
    target_seq         BIGINT,
    detail             VARCHAR(500),
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_audit_entry_created ON audit_entry (created_at);
