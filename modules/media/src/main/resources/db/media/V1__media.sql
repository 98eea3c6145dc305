-- Uploaded media: one row per upload, owned by the account that uploaded it. The bytes live in the MediaStore under
-- their SHA-256 (sha256), so identical files are stored once however many rows refer to them.
CREATE TABLE media (
    id              VARCHAR(32)   NOT NULL PRIMARY KEY,
    owner_id        BIGINT        NOT NULL,
    kind            VARCHAR(16)   NOT NULL,
    content_type    VARCHAR(64)   NOT NULL,
    size_bytes      BIGINT        NOT NULL,
    sha256          CHAR(64)      NOT NULL,
    file_name       VARCHAR(255),
    width           INTEGER,
    height          INTEGER,
    alt             VARCHAR(1000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT fk_media_owner FOREIGN KEY (owner_id) REFERENCES account (id)
);
CREATE INDEX ix_media_owner ON media (owner_id);
CREATE INDEX ix_media_sha256 ON media (sha256);

-- An image's thumbnails: one per width narrower than the image, each stored by its own hash.
CREATE TABLE media_variant (
    media_id        VARCHAR(32)   NOT NULL,
    width           INTEGER       NOT NULL,
    height          INTEGER       NOT NULL,
    content_type    VARCHAR(64)   NOT NULL,
    size_bytes      BIGINT        NOT NULL,
    sha256          CHAR(64)      NOT NULL,
    CONSTRAINT pk_media_variant PRIMARY KEY (media_id, width),
    CONSTRAINT fk_media_variant_media FOREIGN KEY (media_id) REFERENCES media (id) ON DELETE CASCADE
);
CREATE INDEX ix_media_variant_sha256 ON media_variant (sha256);
