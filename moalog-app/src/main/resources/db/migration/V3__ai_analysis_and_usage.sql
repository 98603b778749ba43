-- AI: each retrospect's analysis, kept as the API answered it (the original returned its emotion ranking once and
-- never again), and each member's use of the AI per calendar month. One analysis per retrospect is the primary key;
-- a member's monthly count is charged with a conditional UPDATE in the transaction that stores the result, so a
-- failed call is never charged and concurrent calls cannot overshoot the limit.

CREATE TABLE retrospect_analysis (
    retrospect_id BIGINT      NOT NULL,
    requested_by  BIGINT      NULL,
    result        TEXT        NOT NULL,
    offline       BOOLEAN     NOT NULL,
    created_at    DATETIME(6) NOT NULL,
    PRIMARY KEY (retrospect_id),
    CONSTRAINT fk_retrospect_analysis_retrospect FOREIGN KEY (retrospect_id) REFERENCES retrospect (retrospect_id)
        ON DELETE CASCADE,
    CONSTRAINT fk_retrospect_analysis_member FOREIGN KEY (requested_by) REFERENCES member (member_id)
        ON DELETE SET NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- usage_month is YYYY-MM in the service's zone.
CREATE TABLE ai_usage (
    member_id   BIGINT     NOT NULL,
    usage_month CHAR(7)    NOT NULL,
    kind        VARCHAR(8) NOT NULL,
    used        INT        NOT NULL,
    PRIMARY KEY (member_id, usage_month, kind),
    CONSTRAINT ck_ai_usage_kind CHECK (kind IN ('ANALYSIS', 'GUIDE')),
    CONSTRAINT ck_ai_usage_used CHECK (used >= 0),
    CONSTRAINT fk_ai_usage_member FOREIGN KEY (member_id) REFERENCES member (member_id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
