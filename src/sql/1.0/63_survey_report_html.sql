-- One survey as a self-contained HTML page (inline CSS and SVG, no script, no
-- outside resource): every question with its base, item non-response, a chart
-- and a table of its shares with intervals, suppressed cells marked, and the
-- reconciliation of the figures published about the survey.  tools/report
-- prints it.  Reference: doc/reporting.md, Survey report.
--
-- SQL functions here have string bodies, not RETURN ones: a string body is
-- parsed when called, under the function's own search_path, while a RETURN
-- body binds its operators when the install script runs.

CREATE FUNCTION @extschema@._html_row(cells text[], tag text DEFAULT 'td')
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT '<tr>' || (SELECT pg_catalog.string_agg(pg_catalog.format('<%1$s>%2$s</%1$s>', tag,
                                                                    coalesce(@extschema@._xml_escape(c::text), '&#8212;')), '' ORDER BY o)
                       FROM pg_catalog.unnest(cells) WITH ORDINALITY AS u(c, o)) || '</tr>' $$;
COMMENT ON FUNCTION @extschema@._html_row(text[], text) IS
    'An HTML table row of the escaped cells (td, or th for a header row); a NULL cell shows as an em dash';

CREATE FUNCTION @extschema@._percent_range(lower double precision, upper double precision)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT pg_catalog.round(100 * lower)::integer || '-' || pg_catalog.round(100 * upper)::integer || '%' $$;
COMMENT ON FUNCTION @extschema@._percent_range(double precision, double precision) IS
    'A confidence interval of a share in whole percent: 86-100%';

-- The section of one question: base, non-response, chart and table.
CREATE FUNCTION @extschema@._survey_report_question(survey text, question text, eligible bigint,
                                                    min_cell integer, level double precision, method text)
RETURNS text
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    q record;
    base bigint;
    rows text;
BEGIN
    SELECT sq.code, sq.position, sq.wording, sq.answer_type, sq.allowed_answers INTO q
      FROM @extschema@.survey_questions AS sq
     WHERE sq.survey = _survey_report_question.survey AND sq.code = _survey_report_question.question;
    IF q.answer_type IN ('number', 'free_text') THEN
        RETURN pg_catalog.format(E'<section>\n<h2>%s. %s</h2>\n<p>%s answers (%s); not tabulated.</p>\n</section>\n',
                                 coalesce(q.position::text, '&#8211;'), @extschema@._xml_escape(q.wording::text),
                                 (SELECT pg_catalog.count(*) FROM @extschema@.survey_answers AS a
                                   WHERE a.survey = _survey_report_question.survey AND a.question = q.code AND a.value IS NOT NULL),
                                 q.answer_type);
    END IF;
    SELECT pg_catalog.max(t.base),
           pg_catalog.string_agg(@extschema@._html_row((ARRAY[
               t.answer,
               CASE WHEN t.suppressed THEN 'suppressed' ELSE t.count::text END,
               CASE WHEN t.suppressed THEN 'suppressed'
                    WHEN t.base IS NULL THEN 'base withheld'
                    ELSE @extschema@._share_label(t.count::bigint, t.base::bigint) END,
               @extschema@._percent_range(t.ci_lower::double precision, t.ci_upper::double precision)])::text[], 'td'::text),
               E'\n' ORDER BY pg_catalog.array_position(q.allowed_answers, t.answer))
      INTO base, rows
      FROM @extschema@.survey_table(survey::text, NULL::text, level::double precision, min_cell::integer, method::text) AS t
     WHERE t.question_code = q.code;
    RETURN pg_catalog.format(
        E'<section>\n<h2>%s. %s</h2>\n<p class="base">Answered: %s of %s responding; item non-response: %s.</p>\n'
        '<figure>%s</figure>\n<table>\n%s\n%s\n</table>\n</section>\n',
        coalesce(q.position::text, '&#8211;'), @extschema@._xml_escape(q.wording::text),
        coalesce(base::text, 'withheld'), eligible, coalesce((eligible - base)::text, 'withheld'),
        @extschema@.survey_chart_svg(survey::text, q.code::text, NULL::text, min_cell::integer, level::double precision, method::text),
        @extschema@._html_row((ARRAY['answer', 'count', 'share', @extschema@._svg_num((100 * level)::double precision) || '% CI (' || method || ')'])::text[], 'th'::text),
        rows);
END
$$;
COMMENT ON FUNCTION @extschema@._survey_report_question(text, text, bigint, integer, double precision, text) IS
    'HTML section of one question of a survey report: base, item non-response, chart and table';

CREATE FUNCTION @extschema@.survey_report_html(survey text, min_cell integer DEFAULT 5,
                                               level double precision DEFAULT 0.95, method text DEFAULT 'wilson')
RETURNS text
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    s record;
    eligible bigint;
    questions text;
    figures text;
BEGIN
    SELECT sv.* INTO s FROM @extschema@.surveys AS sv WHERE sv.code = survey_report_html.survey;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'survey % does not exist', coalesce(pg_catalog.quote_literal(survey), 'NULL')
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = coalesce('Known surveys: ' || (SELECT pg_catalog.string_agg(sv.code, ', ' ORDER BY sv.code)
                                                          FROM @extschema@.surveys AS sv) || '.', 'No survey is stored.');
    END IF;
    SELECT pg_catalog.count(*) INTO eligible
      FROM @extschema@.survey_respondents AS r
     WHERE r.survey = s.code AND r.disposition IN ('I', 'P');
    SELECT pg_catalog.string_agg(@extschema@._survey_report_question(s.code::text, q.code::text, eligible::bigint, min_cell::integer, level::double precision, method::text),
                                 '' ORDER BY q.position NULLS LAST, q.code)
      INTO questions
      FROM @extschema@.survey_questions AS q WHERE q.survey = s.code;
    SELECT pg_catalog.string_agg(@extschema@._html_row((ARRAY[
               f.figure, f.as_written, pg_catalog.concat_ws(' = ', f.question, f.answer),
               f.stated_n || ' (' || f.stated_n_basis || ')',
               CASE f.percent_consistent WHEN true THEN 'consistent' WHEN false THEN 'impossible at this base' END,
               f.nearest_at_stated_n, f.largest_fitting_denominator::text, f.named_support, f.stored_answers::text,
               f.source_file || ', ' || f.source_section])::text[], 'td'::text), E'\n' ORDER BY f.figure)
      INTO figures
      FROM @extschema@.published_figure_check AS f WHERE f.survey = s.code;
    RETURN pg_catalog.format(
        E'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>%1$s</title>\n<style>\n'
        'body{font-family:"DejaVu Sans",Verdana,sans-serif;margin:2em;max-width:62em;color:#111}'
        'h1{font-size:1.5em}h2{font-size:1.15em;margin-top:2em}table{border-collapse:collapse;margin:.5em 0}'
        'td,th{border:1px solid #bbb;padding:.2em .5em;text-align:left;vertical-align:top}th{background:#eee}'
        'figure{margin:.5em 0}dl{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}dt{font-weight:bold}\n'
        '</style>\n</head>\n<body>\n<h1>%1$s</h1>\n<dl>\n<dt>Survey</dt><dd>%2$s</dd>\n<dt>Organizer</dt><dd>%3$s</dd>\n'
        '<dt>Fielded</dt><dd>%4$s</dd>\n<dt>Population</dt><dd>%5$s</dd>\n'
        '<dt>Respondents</dt><dd>%6$s stored with answers (complete or partial); the report states %7$s</dd>\n'
        '<dt>Source</dt><dd>%8$s</dd>\n</dl>\n'
        '<p>Shares are of the respondents who answered each question, with %9$s%% %10$s intervals; counts under %11$s, and cells'
        ' that would reveal them, are suppressed.</p>\n%12$s'
        '<section>\n<h2>Published figures reconciled</h2>\n%13$s\n</section>\n</body>\n</html>\n',
        @extschema@._xml_escape(s.title::text), @extschema@._xml_escape(s.code::text), coalesce(@extschema@._xml_escape(s.organizer::text), '&#8212;'),
        coalesce(s.fielded, 'unknown'), coalesce(@extschema@._xml_escape(s.population::text), '&#8212;'),
        eligible, coalesce(s.n_respondents_stated::text, 'no number'), @extschema@._xml_escape(s.source::text),
        @extschema@._svg_num((100 * level)::double precision), @extschema@._xml_escape(method::text), min_cell,
        coalesce(questions, E'<p>No questions are stored.</p>\n'),
        coalesce(E'<table>\n' || @extschema@._html_row((ARRAY['figure', 'as written', 'counts', 'stated base',
                     'percentage (GRIM)', 'nearest at the stated base', 'largest base it fits', 'States named',
                     'stored answers', 'source'])::text[], 'th'::text) || E'\n' || figures || E'\n</table>',
                 '<p>No figures published about this survey are stored.</p>'));
END
$$;
COMMENT ON FUNCTION @extschema@.survey_report_html(text, integer, double precision, text) IS
    'A survey as a self-contained HTML page: every question with base, item non-response, chart and table of shares with intervals (suppressed cells marked), and the published figures reconciled';
