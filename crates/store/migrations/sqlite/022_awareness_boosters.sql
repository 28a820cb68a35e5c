-- Booster spacing of a member's lesson (Leitner-style, `awareness::booster`): the box the lesson
-- sits in after the last result and when it is due again (a booster 4-6 months after a pass, a
-- retake a week after a failure). Rows from before this column: box 1, no due time until the
-- next result.
ALTER TABLE awareness_progress ADD COLUMN leitner_box INTEGER NOT NULL DEFAULT 1 CHECK (leitner_box BETWEEN 1 AND 3);
ALTER TABLE awareness_progress ADD COLUMN due TEXT;
