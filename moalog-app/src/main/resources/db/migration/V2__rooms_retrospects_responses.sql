-- Retro rooms, their members, retrospects, participants, responses, comments and likes. Every rule that guards
-- a count or a uniqueness is a constraint: one membership per (member, room), one participation per (member,
-- retrospect), one answer per (participant, question), one like per (member, response), titles unique per owner.

CREATE TABLE retro_room (
    retro_room_id          BIGINT      NOT NULL AUTO_INCREMENT,
    owner_id               BIGINT      NULL,
    title                  VARCHAR(20) NOT NULL,
    description            VARCHAR(50) NULL,
    invite_code            CHAR(13)    NOT NULL,
    invite_code_created_at DATETIME(6) NOT NULL,
    created_at             DATETIME(6) NOT NULL,
    updated_at             DATETIME(6) NOT NULL,
    PRIMARY KEY (retro_room_id),
    CONSTRAINT uq_retro_room_invite_code UNIQUE (invite_code),
    CONSTRAINT uq_retro_room_owner_title UNIQUE (owner_id, title),
    CONSTRAINT fk_retro_room_owner FOREIGN KEY (owner_id) REFERENCES member (member_id) ON DELETE SET NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE member_retro_room (
    member_retro_room_id BIGINT      NOT NULL AUTO_INCREMENT,
    member_id            BIGINT      NOT NULL,
    retro_room_id        BIGINT      NOT NULL,
    role                 VARCHAR(6)  NOT NULL,
    order_index          INT         NOT NULL,
    created_at           DATETIME(6) NOT NULL,
    PRIMARY KEY (member_retro_room_id),
    CONSTRAINT uq_member_retro_room UNIQUE (member_id, retro_room_id),
    INDEX idx_member_retro_room_room (retro_room_id, created_at),
    CONSTRAINT ck_member_retro_room_role CHECK (role IN ('OWNER', 'MEMBER')),
    CONSTRAINT fk_member_retro_room_member FOREIGN KEY (member_id) REFERENCES member (member_id)
        ON DELETE CASCADE,
    CONSTRAINT fk_member_retro_room_room FOREIGN KEY (retro_room_id) REFERENCES retro_room (retro_room_id)
        ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE retrospect (
    retrospect_id     BIGINT      NOT NULL AUTO_INCREMENT,
    retro_room_id     BIGINT      NOT NULL,
    creator_id        BIGINT      NULL,
    title             VARCHAR(20) NOT NULL,
    retrospect_method VARCHAR(10) NOT NULL,
    start_time        DATETIME(6) NOT NULL,
    insight           TEXT        NULL,
    created_at        DATETIME(6) NOT NULL,
    updated_at        DATETIME(6) NOT NULL,
    PRIMARY KEY (retrospect_id),
    INDEX idx_retrospect_room_start (retro_room_id, start_time),
    CONSTRAINT ck_retrospect_method CHECK (retrospect_method IN ('KPT', 'FOUR_L', 'FIVE_F', 'PMI', 'FREE')),
    CONSTRAINT fk_retrospect_room FOREIGN KEY (retro_room_id) REFERENCES retro_room (retro_room_id)
        ON DELETE CASCADE,
    CONSTRAINT fk_retrospect_creator FOREIGN KEY (creator_id) REFERENCES member (member_id) ON DELETE SET NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE retro_reference (
    retro_reference_id BIGINT        NOT NULL AUTO_INCREMENT,
    retrospect_id      BIGINT        NOT NULL,
    position           INT           NOT NULL,
    url                VARCHAR(2048) NOT NULL,
    PRIMARY KEY (retro_reference_id),
    CONSTRAINT uq_retro_reference_position UNIQUE (retrospect_id, position),
    CONSTRAINT fk_retro_reference_retrospect FOREIGN KEY (retrospect_id) REFERENCES retrospect (retrospect_id)
        ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A participant of a retrospect: DRAFT until it submits (once), ANALYZED once the AI analysis has read it.
CREATE TABLE member_retro (
    member_retro_id  BIGINT      NOT NULL AUTO_INCREMENT,
    retrospect_id    BIGINT      NOT NULL,
    member_id        BIGINT      NULL,
    status           VARCHAR(10) NOT NULL,
    personal_insight TEXT        NULL,
    submitted_at     DATETIME(6) NULL,
    created_at       DATETIME(6) NOT NULL,
    updated_at       DATETIME(6) NOT NULL,
    PRIMARY KEY (member_retro_id),
    CONSTRAINT uq_member_retro UNIQUE (retrospect_id, member_id),
    INDEX idx_member_retro_member (member_id, status, submitted_at),
    CONSTRAINT ck_member_retro_status CHECK (status IN ('DRAFT', 'SUBMITTED', 'ANALYZED')),
    CONSTRAINT ck_member_retro_submitted CHECK ((status = 'DRAFT') = (submitted_at IS NULL)),
    CONSTRAINT fk_member_retro_retrospect FOREIGN KEY (retrospect_id) REFERENCES retrospect (retrospect_id)
        ON DELETE CASCADE,
    CONSTRAINT fk_member_retro_member FOREIGN KEY (member_id) REFERENCES member (member_id) ON DELETE SET NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A participant's answer to one of the retrospect's five questions (its draft until the participant submits).
CREATE TABLE response (
    response_id     BIGINT      NOT NULL AUTO_INCREMENT,
    retrospect_id   BIGINT      NOT NULL,
    member_retro_id BIGINT      NOT NULL,
    question_number TINYINT     NOT NULL,
    content         TEXT        NOT NULL,
    created_at      DATETIME(6) NOT NULL,
    updated_at      DATETIME(6) NOT NULL,
    PRIMARY KEY (response_id),
    CONSTRAINT uq_response_question UNIQUE (member_retro_id, question_number),
    INDEX idx_response_retrospect (retrospect_id, question_number, response_id),
    CONSTRAINT ck_response_question CHECK (question_number BETWEEN 1 AND 5),
    CONSTRAINT ck_response_length CHECK (CHAR_LENGTH(content) <= 1000),
    CONSTRAINT fk_response_retrospect FOREIGN KEY (retrospect_id) REFERENCES retrospect (retrospect_id)
        ON DELETE CASCADE,
    CONSTRAINT fk_response_participant FOREIGN KEY (member_retro_id) REFERENCES member_retro (member_retro_id)
        ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE response_comment (
    response_comment_id BIGINT       NOT NULL AUTO_INCREMENT,
    response_id         BIGINT       NOT NULL,
    member_id           BIGINT       NULL,
    content             VARCHAR(200) NOT NULL,
    created_at          DATETIME(6)  NOT NULL,
    updated_at          DATETIME(6)  NOT NULL,
    PRIMARY KEY (response_comment_id),
    INDEX idx_response_comment_response (response_id, response_comment_id),
    CONSTRAINT fk_response_comment_response FOREIGN KEY (response_id) REFERENCES response (response_id)
        ON DELETE CASCADE,
    CONSTRAINT fk_response_comment_member FOREIGN KEY (member_id) REFERENCES member (member_id) ON DELETE SET NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE response_like (
    response_like_id BIGINT      NOT NULL AUTO_INCREMENT,
    response_id      BIGINT      NOT NULL,
    member_id        BIGINT      NOT NULL,
    created_at       DATETIME(6) NOT NULL,
    PRIMARY KEY (response_like_id),
    CONSTRAINT uq_response_like_member_response UNIQUE (member_id, response_id),
    INDEX idx_response_like_response (response_id),
    CONSTRAINT fk_response_like_response FOREIGN KEY (response_id) REFERENCES response (response_id)
        ON DELETE CASCADE,
    CONSTRAINT fk_response_like_member FOREIGN KEY (member_id) REFERENCES member (member_id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
