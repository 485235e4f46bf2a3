-- Survey records: surveys, their questions, respondents and answers, and the
-- figures that reports published from them.  Keys are short codes chosen by
-- the analyst ('gfmd-2008', 'national_plan'), so seed rows and user rows never
-- compete for sequence values and a dump restores them unchanged.  Seed rows
-- carry is_seed = true; pg_dump keeps only the rows users added.

CREATE FUNCTION @extschema@._survey_code_ok(code text)
RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
RETURN code OPERATOR(pg_catalog.~) '^[A-Za-z0-9][A-Za-z0-9_.:-]{0,62}$';
COMMENT ON FUNCTION @extschema@._survey_code_ok(text) IS
  'true when code is a valid survey, question or figure code: a letter or digit, then letters, digits, _ . : -; at most 63 characters';

-- A list of distinct, non-NULL, non-blank texts (allowed answers of a question).
CREATE FUNCTION @extschema@._survey_is_answer_list(answers text[])
RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
RETURN pg_catalog.cardinality(answers) >= 1
   AND pg_catalog.array_ndims(answers) = 1
   AND pg_catalog.array_position(answers, NULL) IS NULL
   AND (SELECT pg_catalog.count(DISTINCT a) = pg_catalog.count(*)
               AND pg_catalog.bool_and(a OPERATOR(pg_catalog.~) '\S')
          FROM pg_catalog.unnest(answers) AS a);
COMMENT ON FUNCTION @extschema@._survey_is_answer_list(text[]) IS
  'true when answers is a one-dimensional list of distinct, non-blank, non-NULL texts';

-- The days a partial date (YYYY, YYYY-MM, YYYY-MM-DD) stands for; an impossible
-- day (2008-02-30) is an error.
CREATE FUNCTION @extschema@._survey_period(partial text)
RETURNS daterange
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
RETURN (SELECT pg_catalog.daterange(d, (d + CASE pg_catalog.length(partial)
                                                WHEN 4 THEN interval '1 year'
                                                WHEN 7 THEN interval '1 month'
                                                ELSE interval '1 day' END)::date)
          FROM (SELECT pg_catalog.make_date(pg_catalog.substr(partial, 1, 4)::integer,
                                            coalesce(NULLIF(pg_catalog.substr(partial, 6, 2), '')::integer, 1),
                                            coalesce(NULLIF(pg_catalog.substr(partial, 9, 2), '')::integer, 1)) AS d) AS p);
COMMENT ON FUNCTION @extschema@._survey_period(text) IS
  'the days a partial date stands for: 2008 -> [2008-01-01,2009-01-01), 2008-06 -> June 2008, 2008-06-30 -> that day';

CREATE TABLE @extschema@.surveys (
    code text PRIMARY KEY CHECK (@extschema@._survey_code_ok(code)),
    title text NOT NULL CHECK (title ~ '\S'),
    organizer text,
    series text,
    round integer CHECK (round >= 1),
    -- optional (a date the sources do not give is unknown, not invented); the
    -- IS NULL is needed because "NULL AND false" is false, not unknown
    fielded text CHECK (fielded IS NULL
                        OR (fielded ~ '^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$'
                            AND @extschema@._survey_period(fielded) IS NOT NULL)),
    population text,
    population_size integer CHECK (population_size >= 1),
    n_respondents_stated integer CHECK (n_respondents_stated >= 0),
    n_respondents_source text,
    source text NOT NULL CHECK (source ~ '\S'),
    note text,
    is_seed boolean NOT NULL DEFAULT false,
    UNIQUE (series, round),
    CHECK (n_respondents_stated <= population_size),
    CHECK ((n_respondents_stated IS NULL) = (n_respondents_source IS NULL))
);
COMMENT ON TABLE @extschema@.surveys IS
  'One survey (questionnaire round): who ran it, when, of which population, and how many respondents its report states';
COMMENT ON COLUMN @extschema@.surveys.code IS 'short key, e.g. gfmd-2008';
COMMENT ON COLUMN @extschema@.surveys.title IS 'title of the questionnaire or assessment';
COMMENT ON COLUMN @extschema@.surveys.organizer IS 'who sent the questionnaire (a State or an organization), as the source names it';
COMMENT ON COLUMN @extschema@.surveys.series IS 'surveys repeated over rounds share a series (e.g. gfmd-coherence for the 2007 and 2008 GFMD questionnaires)';
COMMENT ON COLUMN @extschema@.surveys.round IS 'round number within the series (1 = first questionnaire)';
COMMENT ON COLUMN @extschema@.surveys.fielded IS 'when the questionnaire was sent, with the precision the source gives: YYYY, YYYY-MM or YYYY-MM-DD; NULL when unknown';
COMMENT ON COLUMN @extschema@.surveys.population IS 'who was asked, in words (e.g. UN member States, GFMD focal points)';
COMMENT ON COLUMN @extschema@.surveys.population_size IS 'size of that population when known (e.g. 193 UN member States); NULL when the source does not give it';
COMMENT ON COLUMN @extschema@.surveys.n_respondents_stated IS 'number of respondents the published report states (53 for the 2008 GFMD questionnaire); the stored respondents may be fewer';
COMMENT ON COLUMN @extschema@.surveys.n_respondents_source IS 'where n_respondents_stated is stated';
COMMENT ON COLUMN @extschema@.surveys.source IS 'where the survey is described (seed file and section, or a citation)';
COMMENT ON COLUMN @extschema@.surveys.note IS 'free remarks, e.g. on disagreements between sources';

CREATE TABLE @extschema@.survey_respondent_counts (
    survey text NOT NULL REFERENCES @extschema@.surveys ON DELETE CASCADE,
    respondent_type text NOT NULL CHECK (respondent_type ~ '^[a-z][a-z0-9_]*$'),
    n_stated integer NOT NULL CHECK (n_stated >= 0),
    source text NOT NULL CHECK (source ~ '\S'),
    is_seed boolean NOT NULL DEFAULT false,
    PRIMARY KEY (survey, respondent_type)
);
COMMENT ON TABLE @extschema@.survey_respondent_counts IS
  'Respondent counts a report states per respondent type (2019 ISCM assessment: 46 States, 22 ISCMs, 3 IGOs)';
COMMENT ON COLUMN @extschema@.survey_respondent_counts.survey IS 'the survey';
COMMENT ON COLUMN @extschema@.survey_respondent_counts.respondent_type IS 'state, iscm, igo ... (as in survey_respondents.respondent_type)';
COMMENT ON COLUMN @extschema@.survey_respondent_counts.n_stated IS 'how many respondents of that type the report states';
COMMENT ON COLUMN @extschema@.survey_respondent_counts.source IS 'where the count is stated';

CREATE TABLE @extschema@.survey_questions (
    survey text NOT NULL REFERENCES @extschema@.surveys ON DELETE CASCADE,
    code text NOT NULL CHECK (@extschema@._survey_code_ok(code)),
    position integer,
    wording text NOT NULL CHECK (wording ~ '\S'),
    wording_source text,
    answer_type text NOT NULL
        CHECK (answer_type IN ('yes_no', 'single_choice', 'multiple_choice', 'ordinal', 'number', 'free_text')),
    allowed_answers text[],
    is_seed boolean NOT NULL DEFAULT false,
    PRIMARY KEY (survey, code),
    UNIQUE (survey, position),
    CONSTRAINT survey_questions_allowed_answers_check CHECK (
        CASE answer_type
            WHEN 'yes_no' THEN allowed_answers OPERATOR(pg_catalog.=) '{yes,no}'
            WHEN 'number' THEN allowed_answers IS NULL
            WHEN 'free_text' THEN allowed_answers IS NULL
            WHEN 'ordinal' THEN @extschema@._survey_is_answer_list(allowed_answers)
                                AND pg_catalog.cardinality(allowed_answers) >= 2
            ELSE @extschema@._survey_is_answer_list(allowed_answers)
        END)
);
COMMENT ON TABLE @extschema@.survey_questions IS
  'Questions of a survey: wording, answer type and the allowed answers (in order for ordinal questions)';
COMMENT ON COLUMN @extschema@.survey_questions.survey IS 'the survey';
COMMENT ON COLUMN @extschema@.survey_questions.code IS 'short key within the survey, e.g. national_plan';
COMMENT ON COLUMN @extschema@.survey_questions.position IS 'order of the question in the questionnaire and in reports (NULL = after the numbered ones, by code)';
COMMENT ON COLUMN @extschema@.survey_questions.wording IS 'the question as asked, or as the report describes it when the questionnaire itself is not at hand';
COMMENT ON COLUMN @extschema@.survey_questions.wording_source IS 'where the wording comes from (questionnaire, or the report paraphrasing it)';
COMMENT ON COLUMN @extschema@.survey_questions.answer_type IS
  'yes_no, single_choice, multiple_choice, ordinal (ordered single choice), number or free_text';
COMMENT ON COLUMN @extschema@.survey_questions.allowed_answers IS
  'allowed answers, distinct, in questionnaire order (the scale order for ordinal questions); {yes,no} for yes_no (filled in when omitted); NULL for number and free_text';

CREATE TABLE @extschema@.survey_respondents (
    survey text NOT NULL REFERENCES @extschema@.surveys ON DELETE CASCADE,
    respondent text NOT NULL CHECK (respondent ~ '^\S(.*\S)?$'),
    country @extschema@.country,
    mechanism text REFERENCES @extschema@.mechanisms,
    organization text REFERENCES @extschema@.organizations,
    respondent_type text NOT NULL CHECK (respondent_type ~ '^[a-z][a-z0-9_]*$'),
    disposition text NOT NULL DEFAULT 'I'
        CHECK (disposition IN ('I', 'P', 'R', 'NC', 'O', 'UH', 'UO', 'NE')),
    basis text NOT NULL DEFAULT 'stated'
        CONSTRAINT survey_respondents_basis_known CHECK (basis IN ('stated', 'reported', 'inferred')),
    source text,
    is_seed boolean NOT NULL DEFAULT false,
    PRIMARY KEY (survey, respondent),
    UNIQUE (survey, country),
    UNIQUE (survey, mechanism),
    UNIQUE (survey, organization),
    CONSTRAINT survey_respondents_one_identity CHECK (num_nonnulls(country, mechanism, organization) = 1),
    CONSTRAINT survey_respondents_state_is_a_country CHECK (respondent_type <> 'state' OR country IS NOT NULL)
);
COMMENT ON TABLE @extschema@.survey_respondents IS
  'Who was asked: a State (country), a mechanism (ISCM) or an organization (IGO), its respondent type and AAPOR final disposition';
COMMENT ON COLUMN @extschema@.survey_respondents.survey IS 'the survey';
COMMENT ON COLUMN @extschema@.survey_respondents.respondent IS 'label of the respondent within the survey (e.g. the country code); answers refer to it';
COMMENT ON COLUMN @extschema@.survey_respondents.country IS 'the State that responded (exactly one of country, mechanism and organization is set)';
COMMENT ON COLUMN @extschema@.survey_respondents.mechanism IS 'the ISCM that responded (iscm.mechanisms)';
COMMENT ON COLUMN @extschema@.survey_respondents.organization IS 'the inter-governmental organization that responded (iscm.organizations)';
COMMENT ON COLUMN @extschema@.survey_respondents.respondent_type IS 'state, iscm, igo ... (a lower-case word); a country respondent may be of any type, a state must be a country';
COMMENT ON COLUMN @extschema@.survey_respondents.disposition IS
  'AAPOR final disposition: I complete, P partial, R refusal, NC non-contact, O other, UH/UO unknown eligibility, NE not eligible; only I and P carry answers';
COMMENT ON COLUMN @extschema@.survey_respondents.basis IS
  'why the respondent is on record: stated (the source says it responded), reported (the source names it as reporting or mentioning something in the responses), inferred (the source only names it with a practice; the source column says from what)';
COMMENT ON COLUMN @extschema@.survey_respondents.source IS 'where the respondent is named';

CREATE TABLE @extschema@.survey_answers (
    survey text NOT NULL REFERENCES @extschema@.surveys ON DELETE CASCADE,
    respondent text NOT NULL,
    question text NOT NULL,
    value text,
    choices text[],
    basis text NOT NULL DEFAULT 'stated'
        CONSTRAINT survey_answers_basis_known CHECK (basis IN ('stated', 'coded', 'inferred')),
    source text,
    is_seed boolean NOT NULL DEFAULT false,
    PRIMARY KEY (survey, respondent, question),
    FOREIGN KEY (survey, respondent) REFERENCES @extschema@.survey_respondents,
    FOREIGN KEY (survey, question) REFERENCES @extschema@.survey_questions,
    CONSTRAINT survey_answers_value_or_choices CHECK (value IS NULL OR choices IS NULL)
);
CREATE INDEX survey_answers_question_idx ON @extschema@.survey_answers (survey, question);
COMMENT ON INDEX @extschema@.survey_answers_question_idx IS
    'The answers to one question of a survey (survey_table, reconciliation, survey_transition)';
COMMENT ON TABLE @extschema@.survey_answers IS
  'One answer per respondent and question; value for every type but multiple_choice, choices for multiple_choice; both NULL = item non-response';
COMMENT ON COLUMN @extschema@.survey_answers.survey IS 'the survey';
COMMENT ON COLUMN @extschema@.survey_answers.respondent IS 'the respondent (survey_respondents.respondent)';
COMMENT ON COLUMN @extschema@.survey_answers.question IS 'the question (survey_questions.code)';
COMMENT ON COLUMN @extschema@.survey_answers.value IS 'the answer to a yes_no, single_choice, ordinal, number or free_text question';
COMMENT ON COLUMN @extschema@.survey_answers.choices IS 'the answers chosen for a multiple_choice question ({} = answered, chose none)';
COMMENT ON COLUMN @extschema@.survey_answers.basis IS
  'stated: the respondent gave the answer (or the source says it did); coded: a curator''s or the report''s coding of what the source says the respondent mentioned; inferred: a reading of the source, which the source column explains';
COMMENT ON COLUMN @extschema@.survey_answers.source IS 'where the answer is attributed to the respondent (for answers taken from a report)';

CREATE TABLE @extschema@.published_figures (
    survey text NOT NULL REFERENCES @extschema@.surveys ON DELETE CASCADE,
    figure text NOT NULL CHECK (@extschema@._survey_code_ok(figure)),
    question text,
    answer text,
    previous_survey text REFERENCES @extschema@.surveys,
    previous_answer text,
    as_written text NOT NULL CHECK (as_written ~ '\S'),
    percent numeric CHECK (percent OPERATOR(pg_catalog.>=) 0 AND percent OPERATOR(pg_catalog.<=) 100),
    percent_range numrange CHECK (NOT pg_catalog.isempty(percent_range)
                                  AND percent_range OPERATOR(pg_catalog.<@) '[0,100]'::pg_catalog.numrange),
    count integer CHECK (count >= 0),
    stated_denominator integer CHECK (stated_denominator >= 1),
    base_respondent_type text NOT NULL DEFAULT 'state',
    quote text NOT NULL CHECK (quote ~ '\S'),
    source_file text NOT NULL,
    source_section text NOT NULL,
    note text,
    is_seed boolean NOT NULL DEFAULT false,
    PRIMARY KEY (survey, figure),
    FOREIGN KEY (survey, question) REFERENCES @extschema@.survey_questions,
    CONSTRAINT published_figures_has_a_number CHECK (percent IS NOT NULL OR count IS NOT NULL OR percent_range IS NOT NULL),
    CONSTRAINT published_figures_answer_needs_question CHECK (answer IS NULL OR question IS NOT NULL),
    CONSTRAINT published_figures_previous_round CHECK ((previous_survey IS NULL) = (previous_answer IS NULL))
);
COMMENT ON TABLE @extschema@.published_figures IS
  'Figures a report published about a survey (84%, 26 out of 53, six States that answered no last year ...), exactly as written, with their source';
COMMENT ON COLUMN @extschema@.published_figures.survey IS 'the survey the figure describes';
COMMENT ON COLUMN @extschema@.published_figures.figure IS 'short key of the figure within the survey';
COMMENT ON COLUMN @extschema@.published_figures.question IS 'the question the figure counts answers to, when it is one of the stored questions';
COMMENT ON COLUMN @extschema@.published_figures.answer IS 'the answer the figure counts (e.g. yes)';
COMMENT ON COLUMN @extschema@.published_figures.previous_survey IS 'for a change between rounds: the earlier survey';
COMMENT ON COLUMN @extschema@.published_figures.previous_answer IS 'for a change between rounds: the answer given in the earlier survey (e.g. no)';
COMMENT ON COLUMN @extschema@.published_figures.as_written IS 'the figure exactly as printed: Eighty-four percent, 26 out of 53, (73%)';
COMMENT ON COLUMN @extschema@.published_figures.percent IS 'the percentage as a number, with the decimals the report wrote (84 and 84.0 differ for consistency checks)';
COMMENT ON COLUMN @extschema@.published_figures.percent_range IS
  'for a figure published in words (just over half, most, as many as): the percentages the words allow, as the note explains (e.g. (50,60.4] when the report itself calls 60.4% just over half); NULL for a number';
COMMENT ON COLUMN @extschema@.published_figures.count IS 'the count of respondents the report gives';
COMMENT ON COLUMN @extschema@.published_figures.stated_denominator IS 'the denominator written with the figure (53 in 26 out of 53); NULL when the figure does not write one';
COMMENT ON COLUMN @extschema@.published_figures.base_respondent_type IS 'the respondents the figure is about (state, iscm, igo); picks the stated count used when no denominator is written';
COMMENT ON COLUMN @extschema@.published_figures.quote IS 'the sentence that publishes the figure';
COMMENT ON COLUMN @extschema@.published_figures.source_file IS 'the document (seed file name or citation)';
COMMENT ON COLUMN @extschema@.published_figures.source_section IS 'where in the document: section, paragraph, footnote';
COMMENT ON COLUMN @extschema@.published_figures.note IS 'remarks, e.g. that the same figure appears twice';

CREATE TABLE @extschema@.figure_attributions (
    survey text NOT NULL,
    figure text NOT NULL,
    name_as_written text NOT NULL CHECK (name_as_written ~ '\S'),
    country @extschema@.country NOT NULL,
    source text NOT NULL CHECK (source ~ '\S'),
    is_seed boolean NOT NULL DEFAULT false,
    PRIMARY KEY (survey, figure, country),
    FOREIGN KEY (survey, figure) REFERENCES @extschema@.published_figures ON DELETE CASCADE
);
COMMENT ON TABLE @extschema@.figure_attributions IS
  'States a report names as behind a published figure (footnote 3 of the 2008 GFMD paper names 24 States for 26 out of 53)';
COMMENT ON COLUMN @extschema@.figure_attributions.survey IS 'the survey';
COMMENT ON COLUMN @extschema@.figure_attributions.figure IS 'the published figure';
COMMENT ON COLUMN @extschema@.figure_attributions.name_as_written IS 'the State as the document writes it (the Netherlands, Ivory Coast)';
COMMENT ON COLUMN @extschema@.figure_attributions.country IS 'the State';
COMMENT ON COLUMN @extschema@.figure_attributions.source IS 'where the document names it';

