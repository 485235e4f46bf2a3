-- Validation of survey answers.  A bad answer is rejected with an error that
-- says what the question accepts; since the check runs per row inside the
-- statement, a failing statement leaves every stored row as it was.
--
--   23514 check_violation        answer not among the allowed ones; answer from a
--                                respondent whose disposition carries no answers;
--                                a change to a question or respondent that would
--                                invalidate stored answers
--   22023 invalid_parameter_value a list given to a single-answer question, or a
--                                single value to a multiple_choice question
--   22P02 invalid_text_representation  a number question answered with non-numeric text
--   23505 unique_violation       a second answer of one respondent to one question
--   23503 foreign_key_violation  unknown question or respondent

-- What is wrong with an answer to a question (NULLs when nothing is).
CREATE FUNCTION @extschema@._survey_answer_problem(
    question text, answer_type text, allowed_answers text[], value text, choices text[],
    OUT errcode text, OUT message text, OUT detail text, OUT hint text)
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    allowed_list text := pg_catalog.array_to_string(allowed_answers, ', ');
    unknown text[];
BEGIN
    IF value IS NULL AND choices IS NULL THEN
        RETURN;                 -- item non-response is always acceptable
    END IF;
    IF answer_type = 'multiple_choice' THEN
        IF value IS NOT NULL THEN
            errcode := '22023';
            message := pg_catalog.format('question %s is multiple_choice: its answers go in choices (a text[]), not in value', question);
            detail := pg_catalog.format('value was %L', value);
            hint := pg_catalog.format('write choices => ARRAY[%L], with any of: %s', value, allowed_list);
            RETURN;
        END IF;
        IF pg_catalog.array_position(choices, NULL) IS NOT NULL THEN
            errcode := '23514';
            message := pg_catalog.format('answer to question %s lists a NULL choice', question);
            hint := pg_catalog.format('allowed answers: %s; an empty list {} means answered, chose none', allowed_list);
            RETURN;
        END IF;
        SELECT pg_catalog.array_agg(c ORDER BY o) INTO unknown
          FROM pg_catalog.unnest(choices) WITH ORDINALITY AS u(c, o)
         WHERE c <> ALL (allowed_answers);
        IF unknown IS NOT NULL THEN
            errcode := '23514';
            message := pg_catalog.format('%s not among the allowed answers of question %s',
                                         (SELECT pg_catalog.string_agg(pg_catalog.quote_literal(u), ', ') FROM pg_catalog.unnest(unknown) AS u)
                                         || CASE WHEN pg_catalog.cardinality(unknown) = 1 THEN ' is' ELSE ' are' END,
                                         question);
            detail := pg_catalog.format('allowed answers: %s', allowed_list);
            RETURN;
        END IF;
        IF (SELECT pg_catalog.count(DISTINCT c) <> pg_catalog.count(*) FROM pg_catalog.unnest(choices) AS c) THEN
            errcode := '23514';
            message := pg_catalog.format('answer to question %s chooses the same answer twice', question);
            detail := pg_catalog.format('choices were %s', choices);
            RETURN;
        END IF;
        RETURN;
    END IF;

    IF choices IS NOT NULL THEN
        errcode := '22023';
        message := pg_catalog.format('question %s is %s: it takes one answer in value, not a list in choices', question, answer_type);
        detail := pg_catalog.format('choices were %s', choices);
        IF answer_type IN ('yes_no', 'single_choice', 'ordinal') THEN
            hint := pg_catalog.format('give one of: %s', allowed_list);
        END IF;
        RETURN;
    END IF;

    IF answer_type IN ('yes_no', 'single_choice', 'ordinal') THEN
        IF value <> ALL (allowed_answers) THEN
            errcode := '23514';
            message := pg_catalog.format('%L is not among the allowed answers of question %s', value, question);
            detail := pg_catalog.format('allowed answers: %s', allowed_list);
        END IF;
    ELSIF answer_type = 'number' THEN
        IF value !~ '^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$' THEN
            errcode := '22P02';
            message := pg_catalog.format('answer %L to question %s is not a number', value, question);
            hint := 'number questions take a decimal number such as 12, -3 or 0.75';
        END IF;
    END IF;
    RETURN;
END
$$;
COMMENT ON FUNCTION @extschema@._survey_answer_problem(text, text, text[], text, text[]) IS
  'what is wrong with an answer (value, choices) to a question of the given type and allowed answers: SQLSTATE, message, detail, hint; all NULL when the answer is acceptable';

CREATE FUNCTION @extschema@._survey_answers_check()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    q record;
    disposition text;
    problem record;
    stored record;
BEGIN
    SELECT answer_type, allowed_answers INTO q
      FROM @extschema@.survey_questions
     WHERE survey = NEW.survey AND code = NEW.question;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'survey % has no question %', pg_catalog.quote_literal(NEW.survey), pg_catalog.quote_literal(NEW.question)
            USING ERRCODE = 'foreign_key_violation',
                  HINT = 'add the question to iscm.survey_questions first';
    END IF;
    SELECT r.disposition INTO disposition
      FROM @extschema@.survey_respondents AS r
     WHERE r.survey = NEW.survey AND r.respondent = NEW.respondent;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'survey % has no respondent %', pg_catalog.quote_literal(NEW.survey), pg_catalog.quote_literal(NEW.respondent)
            USING ERRCODE = 'foreign_key_violation',
                  HINT = 'add the respondent to iscm.survey_respondents first';
    END IF;
    IF disposition NOT IN ('I', 'P') AND (NEW.value IS NOT NULL OR NEW.choices IS NOT NULL) THEN
        RAISE EXCEPTION 'respondent % of survey % has disposition %, which carries no answers',
                        pg_catalog.quote_literal(NEW.respondent), pg_catalog.quote_literal(NEW.survey), disposition
            USING ERRCODE = 'check_violation',
                  HINT = 'only complete (I) and partial (P) interviews have answers; correct the disposition first';
    END IF;

    IF TG_OP = 'INSERT'
       OR (NEW.survey, NEW.respondent, NEW.question) IS DISTINCT FROM (OLD.survey, OLD.respondent, OLD.question) THEN
        SELECT a.value, a.choices INTO stored
          FROM @extschema@.survey_answers AS a
         WHERE a.survey = NEW.survey AND a.respondent = NEW.respondent AND a.question = NEW.question;
        IF FOUND THEN
            RAISE EXCEPTION 'respondent % already answered question % of survey %',
                            pg_catalog.quote_literal(NEW.respondent), pg_catalog.quote_literal(NEW.question),
                            pg_catalog.quote_literal(NEW.survey)
                USING ERRCODE = 'unique_violation',
                      DETAIL = pg_catalog.format('stored answer: %s', coalesce(pg_catalog.quote_literal(stored.value),
                                                                             stored.choices::text, 'NULL (no answer)')),
                      HINT = CASE WHEN q.answer_type = 'multiple_choice'
                                  THEN 'a multiple_choice answer is one row listing every choice: UPDATE its choices'
                                  ELSE 'a respondent gives one answer per question: UPDATE the stored answer to change it' END;
        END IF;
    END IF;

    problem := @extschema@._survey_answer_problem(NEW.question, q.answer_type, q.allowed_answers, NEW.value, NEW.choices);
    -- RAISE prints DETAIL and HINT even when empty: attach only those there are
    IF problem.errcode IS NULL THEN
        RETURN NEW;
    ELSIF problem.detail IS NOT NULL AND problem.hint IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = problem.errcode, MESSAGE = problem.message,
                              DETAIL = problem.detail, HINT = problem.hint;
    ELSIF problem.detail IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = problem.errcode, MESSAGE = problem.message,
                              DETAIL = problem.detail;
    ELSIF problem.hint IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = problem.errcode, MESSAGE = problem.message,
                              HINT = problem.hint;
    ELSE
        RAISE EXCEPTION USING ERRCODE = problem.errcode, MESSAGE = problem.message;
    END IF;
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@._survey_answers_check() IS
  'trigger on iscm.survey_answers: rejects answers not among the allowed ones, of the wrong type, a second answer to a question, and answers of non-responding respondents';

CREATE TRIGGER survey_answers_check
    BEFORE INSERT OR UPDATE ON @extschema@.survey_answers
    FOR EACH ROW EXECUTE FUNCTION @extschema@._survey_answers_check();
COMMENT ON TRIGGER survey_answers_check ON @extschema@.survey_answers IS
    'Validates every answer as it is written (allowed answers, answer type, one answer per respondent and question, dispositions that carry answers): see _survey_answers_check';

-- yes_no questions get {yes,no} when no list is given; a change of type or
-- allowed answers must keep every stored answer valid.
CREATE FUNCTION @extschema@._survey_questions_check()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    bad record;
    n_bad bigint;
BEGIN
    IF NEW.answer_type = 'yes_no' AND NEW.allowed_answers IS NULL THEN
        NEW.allowed_answers := '{yes,no}';
    END IF;
    IF TG_OP = 'UPDATE'
       AND (NEW.answer_type, NEW.allowed_answers) IS DISTINCT FROM (OLD.answer_type, OLD.allowed_answers) THEN
        SELECT pg_catalog.count(*) AS n, pg_catalog.min(p.message) AS message INTO bad
          FROM @extschema@.survey_answers AS a,
               LATERAL @extschema@._survey_answer_problem(NEW.code, NEW.answer_type, NEW.allowed_answers, a.value, a.choices) AS p
         WHERE a.survey = OLD.survey AND a.question = OLD.code AND p.errcode IS NOT NULL;
        n_bad := bad.n;
        IF n_bad > 0 THEN
            RAISE EXCEPTION 'changing question % of survey % would make % stored answer(s) invalid',
                            pg_catalog.quote_literal(OLD.code), pg_catalog.quote_literal(OLD.survey), n_bad
                USING ERRCODE = 'check_violation',
                      DETAIL = pg_catalog.format('for example: %s', bad.message),
                      HINT = 'correct or delete those answers first';
        END IF;
    END IF;
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@._survey_questions_check() IS
  'trigger on iscm.survey_questions: fills {yes,no} for yes_no questions and refuses changes that would invalidate stored answers';

CREATE TRIGGER survey_questions_check
    BEFORE INSERT OR UPDATE ON @extschema@.survey_questions
    FOR EACH ROW EXECUTE FUNCTION @extschema@._survey_questions_check();
COMMENT ON TRIGGER survey_questions_check ON @extschema@.survey_questions IS
    'Fills in {yes,no} for yes_no questions and refuses changes of type or allowed answers that would invalidate stored answers: see _survey_questions_check';

CREATE FUNCTION @extschema@._survey_respondents_check()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    n_answers bigint;
BEGIN
    IF NEW.disposition NOT IN ('I', 'P') AND OLD.disposition IN ('I', 'P') THEN
        SELECT pg_catalog.count(*) INTO n_answers
          FROM @extschema@.survey_answers AS a
         WHERE a.survey = OLD.survey AND a.respondent = OLD.respondent
           AND (a.value IS NOT NULL OR a.choices IS NOT NULL);
        IF n_answers > 0 THEN
            RAISE EXCEPTION 'respondent % of survey % has % stored answer(s); disposition % carries none',
                            pg_catalog.quote_literal(OLD.respondent), pg_catalog.quote_literal(OLD.survey), n_answers,
                            NEW.disposition
                USING ERRCODE = 'check_violation',
                      HINT = 'delete the answers first, or keep the disposition I (complete) or P (partial)';
        END IF;
    END IF;
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@._survey_respondents_check() IS
  'trigger on iscm.survey_respondents: a respondent with stored answers keeps a disposition that carries answers (I or P)';

CREATE TRIGGER survey_respondents_check
    BEFORE UPDATE OF disposition ON @extschema@.survey_respondents
    FOR EACH ROW EXECUTE FUNCTION @extschema@._survey_respondents_check();
COMMENT ON TRIGGER survey_respondents_check ON @extschema@.survey_respondents IS
    'Refuses a disposition change that would leave stored answers on a respondent whose disposition carries none: see _survey_respondents_check';

-- A published figure counts an answer the question allows.
CREATE FUNCTION @extschema@._published_figures_check()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    allowed text[];
BEGIN
    IF NEW.answer IS NOT NULL THEN
        SELECT q.allowed_answers INTO allowed
          FROM @extschema@.survey_questions AS q
         WHERE q.survey = NEW.survey AND q.code = NEW.question;
        IF FOUND AND NEW.answer <> ALL (coalesce(allowed, '{}')) THEN
            RAISE EXCEPTION 'figure %: % is not among the allowed answers of question %',
                            NEW.figure, pg_catalog.quote_literal(NEW.answer), NEW.question
                USING ERRCODE = 'check_violation',
                      DETAIL = pg_catalog.format('allowed answers: %s', coalesce(pg_catalog.array_to_string(allowed, ', '), 'none (number or free_text question)'));
        END IF;
    END IF;
    IF NEW.previous_answer IS NOT NULL THEN
        IF EXISTS (SELECT 1 FROM @extschema@.survey_questions AS q
                    WHERE q.survey = NEW.previous_survey AND q.code = NEW.question
                      AND NEW.previous_answer <> ALL (coalesce(q.allowed_answers, '{}'))) THEN
            RAISE EXCEPTION 'figure %: % is not among the allowed answers of question % in survey %',
                            NEW.figure, pg_catalog.quote_literal(NEW.previous_answer), NEW.question, NEW.previous_survey
                USING ERRCODE = 'check_violation';
        END IF;
    END IF;
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@._published_figures_check() IS
  'trigger on iscm.published_figures: the answer (and previous answer) a figure counts must be allowed by its question';

CREATE TRIGGER published_figures_check
    BEFORE INSERT OR UPDATE ON @extschema@.published_figures
    FOR EACH ROW EXECUTE FUNCTION @extschema@._published_figures_check();
COMMENT ON TRIGGER published_figures_check ON @extschema@.published_figures IS
    'The answer (and previous answer) a published figure counts must be allowed by its question: see _published_figures_check';
