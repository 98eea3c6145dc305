-- City communities and practitioner profiles.

CREATE SEQUENCE city_membership_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE city_membership (
    id            BIGINT      NOT NULL PRIMARY KEY,
    city_id       BIGINT      NOT NULL,
    account_id    BIGINT      NOT NULL,
    role          VARCHAR(16) NOT NULL,
    status        VARCHAR(16) NOT NULL,
    requested_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_at    TIMESTAMP WITH TIME ZONE,
    decided_by    BIGINT,
    version       BIGINT      NOT NULL,
    CONSTRAINT fk_membership_city FOREIGN KEY (city_id) REFERENCES city (id),
    CONSTRAINT fk_membership_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT uq_membership UNIQUE (city_id, account_id),
    CONSTRAINT ck_membership_role CHECK (role IN ('MEMBER', 'COORDINATOR')),
    CONSTRAINT ck_membership_status CHECK (status IN ('PENDING', 'ACTIVE', 'REJECTED'))
);
CREATE INDEX ix_membership_account ON city_membership (account_id);

CREATE TABLE profile (
    account_id    BIGINT        NOT NULL PRIMARY KEY,
    bio           VARCHAR(4000),
    home_city_id  BIGINT,
    version       BIGINT        NOT NULL,
    CONSTRAINT fk_profile_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT fk_profile_home_city FOREIGN KEY (home_city_id) REFERENCES city (id)
);

CREATE TABLE profile_field (
    account_id  BIGINT      NOT NULL,
    field_slug  VARCHAR(64) NOT NULL,
    CONSTRAINT pk_profile_field PRIMARY KEY (account_id, field_slug),
    CONSTRAINT fk_profile_field_profile FOREIGN KEY (account_id) REFERENCES profile (account_id)
);

CREATE TABLE profile_expertise (
    account_id  BIGINT      NOT NULL,
    tag         VARCHAR(50) NOT NULL,
    CONSTRAINT pk_profile_expertise PRIMARY KEY (account_id, tag),
    CONSTRAINT fk_profile_expertise_profile FOREIGN KEY (account_id) REFERENCES profile (account_id)
);
CREATE INDEX ix_profile_expertise_tag ON profile_expertise (tag);

CREATE TABLE profile_language (
    account_id  BIGINT     NOT NULL,
    language    VARCHAR(8) NOT NULL,
    CONSTRAINT pk_profile_language PRIMARY KEY (account_id, language),
    CONSTRAINT fk_profile_language_profile FOREIGN KEY (account_id) REFERENCES profile (account_id)
);
