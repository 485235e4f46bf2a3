-- Panel changes between two rounds from raw answers ("six States that answered
-- no last year answered yes this year"): the same respondents (the same State,
-- mechanism or organization) in both surveys, their answers to a question
-- paired as an iscm.transition_summary for iscm.transitions(), iscm.mcnemar()
-- and iscm.paired_difference().

CREATE FUNCTION @extschema@.survey_transition(survey text, previous_survey text, question text)
RETURNS @extschema@.transition_summary
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
DECLARE
    kinds text[];
    result @extschema@.transition_summary;
BEGIN
    IF survey = previous_survey THEN
        RAISE EXCEPTION 'survey_transition compares two different surveys, not % with itself', quote_literal(survey)
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT pg_catalog.array_agg(q.answer_type ORDER BY q.survey) INTO kinds
      FROM @extschema@.survey_questions AS q
     WHERE q.code = survey_transition.question
       AND q.survey IN (survey_transition.survey, survey_transition.previous_survey);
    IF pg_catalog.cardinality(kinds) IS DISTINCT FROM 2 THEN
        RAISE EXCEPTION 'question % is not in both surveys % and %', quote_literal(question),
                        quote_literal(previous_survey), quote_literal(survey)
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'the two rounds must share the question code';
    END IF;
    IF 'multiple_choice' = ANY (kinds) OR 'free_text' = ANY (kinds) OR 'number' = ANY (kinds) THEN
        RAISE EXCEPTION 'question % is not a single-answer question in both surveys', quote_literal(question)
            USING ERRCODE = 'invalid_parameter_value',
                  DETAIL = pg_catalog.format('answer types: %s', pg_catalog.array_to_string(kinds, ', ')),
                  HINT = 'transitions pair yes_no, single_choice or ordinal answers';
    END IF;

    SELECT @extschema@.transition_agg(pa.value, a.value) INTO result
      FROM @extschema@.survey_respondents AS r
      JOIN @extschema@.survey_respondents AS pr
        ON pr.survey = survey_transition.previous_survey
       AND (pr.country OPERATOR(@extschema@.=) r.country OR pr.mechanism = r.mechanism OR pr.organization = r.organization)
      LEFT JOIN @extschema@.survey_answers AS a
        ON a.survey = r.survey AND a.respondent = r.respondent AND a.question = survey_transition.question
      LEFT JOIN @extschema@.survey_answers AS pa
        ON pa.survey = pr.survey AND pa.respondent = pr.respondent AND pa.question = survey_transition.question
     WHERE r.survey = survey_transition.survey
       AND r.disposition IN ('I', 'P') AND pr.disposition IN ('I', 'P');
    RETURN result;
END
$$;

COMMENT ON FUNCTION @extschema@.survey_transition(text, text, text) IS
  'Answers to a question by the respondents of both surveys, paired (previous round, this round) as an iscm.transition_summary';
