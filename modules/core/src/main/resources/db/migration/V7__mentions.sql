-- Mentions of people in room messages, kept until the mentioned person marks them read.

CREATE SEQUENCE mention_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE mention (
    id           BIGINT       NOT NULL PRIMARY KEY,
    account_id   BIGINT       NOT NULL,
    room_id      BIGINT       NOT NULL,
    seq          BIGINT       NOT NULL,
    author_id    BIGINT       NOT NULL,
    author_name  VARCHAR(80)  NOT NULL,
    excerpt      VARCHAR(200) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    read_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT fk_mention_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT fk_mention_room FOREIGN KEY (room_id) REFERENCES room (id),
    CONSTRAINT uq_mention UNIQUE (account_id, room_id, seq)
);
CREATE INDEX ix_mention_account ON mention (account_id, read_at);
