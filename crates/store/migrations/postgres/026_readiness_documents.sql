-- Documents attached to readiness answers as evidence (an answer's evidence kind "document"):
-- the bytes, their SHA-256 recorded at upload, the size, the media type as the uploader's
-- browser declared it (kept for the record, never used to serve the file), the sanitised file
-- name, who uploaded it and when. A document belongs to one question of one assessment.
CREATE TABLE IF NOT EXISTS readiness_documents (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    assessment_id BIGINT NOT NULL REFERENCES readiness_assessments (id),
    question      TEXT NOT NULL,
    filename      TEXT NOT NULL,
    media_type    TEXT NOT NULL,
    size          BIGINT NOT NULL CHECK (size > 0),
    sha256        TEXT NOT NULL CHECK (length(sha256) = 64),
    content       BYTEA NOT NULL,
    uploaded_by   TEXT NOT NULL,
    uploaded_at   TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS readiness_documents_by_answer ON readiness_documents (assessment_id, question, id);
