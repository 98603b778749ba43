-- moalog's schema, written for MariaDB 10.11 and 11.4 and MySQL 8 alike: no engine-specific syntax, utf8mb4
-- throughout, every time an instant stored as DATETIME(6) in UTC (the service's zone only formats the API's
-- dates and times).

CREATE TABLE member (
    member_id     BIGINT       NOT NULL AUTO_INCREMENT,
    email         VARCHAR(320) NOT NULL,
    social_type   VARCHAR(10)  NOT NULL,
    nickname      VARCHAR(20)  NOT NULL,
    insight_count INT          NOT NULL DEFAULT 0,
    created_at    DATETIME(6)  NOT NULL,
    updated_at    DATETIME(6)  NOT NULL,
    PRIMARY KEY (member_id),
    CONSTRAINT uq_member_account UNIQUE (email, social_type),
    CONSTRAINT uq_member_nickname UNIQUE (nickname),
    CONSTRAINT ck_member_social_type CHECK (social_type IN ('KAKAO', 'GOOGLE')),
    CONSTRAINT ck_member_insight_count CHECK (insight_count >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One family per sign-in: each refresh rotates current_jti; presenting an older jti of the family (a stolen,
-- replayed token) revokes the family. Several families per member: several devices signed in at once.
CREATE TABLE refresh_token_family (
    family_id   CHAR(36)    NOT NULL,
    member_id   BIGINT      NOT NULL,
    current_jti CHAR(36)    NOT NULL,
    expires_at  DATETIME(6) NOT NULL,
    revoked_at  DATETIME(6) NULL,
    created_at  DATETIME(6) NOT NULL,
    updated_at  DATETIME(6) NOT NULL,
    PRIMARY KEY (family_id),
    INDEX idx_refresh_token_family_member (member_id),
    CONSTRAINT fk_refresh_token_family_member FOREIGN KEY (member_id) REFERENCES member (member_id)
        ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
