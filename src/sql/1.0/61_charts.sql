-- Charts as SQL functions returning SVG text (as PostGIS's ST_AsSVG returns
-- SVG path data): survey shares with interval whiskers, two rounds compared,
-- chair timelines, membership matrices and a country tile grid.
-- Reference: doc/reporting.md, Charts.
--
-- Every chart is one <svg> document with a <title> and a <desc> (read by
-- screen readers, role="img"), the same title visible at the top, and every
-- value written as text beside its mark, so that nothing is told by colour
-- alone.  Output is deterministic: same data and arguments, same bytes (no
-- clock, no random ids, every list ordered, numbers rounded to 0.1 px), so
-- tests compare it byte for byte.  Label columns are as wide as their longest
-- label (estimated at 6.6 px a character of the 12 px sans-serif font), so
-- long names are never cut; long titles wrap.
--
-- SQL functions here have string bodies, not RETURN ones: a string body is
-- parsed when called, under the function's own search_path, while a RETURN
-- body binds its operators when the install script runs.

-- ---- helpers ------------------------------------------------------------------

CREATE FUNCTION @extschema@._xml_escape(value text)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(
              value, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;'), '''', '&#39;') $$;
COMMENT ON FUNCTION @extschema@._xml_escape(text) IS
    'Text made safe for XML and HTML character data and attribute values (& < > " '' escaped)';

CREATE FUNCTION @extschema@._svg_num(value double precision)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT pg_catalog.trim_scale(pg_catalog.round(value::numeric, 1))::text $$;
COMMENT ON FUNCTION @extschema@._svg_num(double precision) IS
    'A coordinate as SVG text: rounded to 0.1, no trailing zeros (12, 12.5), the same bytes on every platform';

CREATE FUNCTION @extschema@._svg_text_width(value text)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT pg_catalog.length(value) * 6.6 $$;
COMMENT ON FUNCTION @extschema@._svg_text_width(text) IS
    'Estimated width in px of a text in the charts'' 12 px sans-serif font (generous, so labels fit)';

CREATE FUNCTION @extschema@._svg_text(x double precision, y double precision, value text, attributes text DEFAULT '')
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT pg_catalog.format('<text x="%s" y="%s"%s>%s</text>', @extschema@._svg_num(x::double precision), @extschema@._svg_num(y::double precision),
                            attributes, @extschema@._xml_escape(value::text)) $$;
COMMENT ON FUNCTION @extschema@._svg_text(double precision, double precision, text, text) IS
    'An SVG <text> element at (x, y) with extra attributes and escaped content';

CREATE FUNCTION @extschema@._svg_rect(x double precision, y double precision, width double precision,
                                      height double precision, attributes text DEFAULT '')
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT pg_catalog.format('<rect x="%s" y="%s" width="%s" height="%s"%s/>', @extschema@._svg_num(x::double precision),
                            @extschema@._svg_num(y::double precision), @extschema@._svg_num(width::double precision), @extschema@._svg_num(height::double precision), attributes) $$;
COMMENT ON FUNCTION @extschema@._svg_rect(double precision, double precision, double precision, double precision, text) IS
    'An SVG <rect> element';

CREATE FUNCTION @extschema@._svg_line(x1 double precision, y1 double precision, x2 double precision,
                                      y2 double precision, attributes text DEFAULT '')
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT pg_catalog.format('<line x1="%s" y1="%s" x2="%s" y2="%s"%s/>', @extschema@._svg_num(x1::double precision),
                            @extschema@._svg_num(y1::double precision), @extschema@._svg_num(x2::double precision), @extschema@._svg_num(y2::double precision), attributes) $$;
COMMENT ON FUNCTION @extschema@._svg_line(double precision, double precision, double precision, double precision, text) IS
    'An SVG <line> element';

-- An interval as a whisker: a line from lower to upper with end caps.
CREATE FUNCTION @extschema@._svg_whisker(x1 double precision, x2 double precision, y double precision)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT @extschema@._svg_line(x1::double precision, y::double precision, x2::double precision, y::double precision, ' stroke="#000" stroke-width="1.5"'::text)
       || @extschema@._svg_line(x1::double precision, (y - 4)::double precision, x1::double precision, (y + 4)::double precision, ' stroke="#000" stroke-width="1.5"'::text)
       || @extschema@._svg_line(x2::double precision, (y - 4)::double precision, x2::double precision, (y + 4)::double precision, ' stroke="#000" stroke-width="1.5"'::text) $$;
COMMENT ON FUNCTION @extschema@._svg_whisker(double precision, double precision, double precision) IS
    'A confidence interval drawn from x1 to x2 at height y, with end caps';

-- Words of a text in lines of at most width characters (a longer word
-- stands on a line of its own).
CREATE FUNCTION @extschema@._svg_wrap(value text, width integer)
RETURNS text[]
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    word text;
    line text := '';
    lines text[] := '{}';
BEGIN
    FOREACH word IN ARRAY pg_catalog.regexp_split_to_array(pg_catalog.btrim(value), '\s+') LOOP
        IF line <> '' AND pg_catalog.length(line) + 1 + pg_catalog.length(word) > width THEN
            lines := lines || line;
            line := word;
        ELSE
            line := pg_catalog.concat_ws(' ', NULLIF(line, ''), word);
        END IF;
    END LOOP;
    RETURN lines || line;
END
$$;
COMMENT ON FUNCTION @extschema@._svg_wrap(text, integer) IS
    'The words of a text in lines of at most width characters (for chart titles)';

-- Colours told apart with colour-blindness (Okabe and Ito), dark enough for
-- white-free black labels beside them; the n-th category gets the n-th.
CREATE FUNCTION @extschema@._svg_colour(n integer)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT (ARRAY['#56B4E9', '#E69F00', '#009E73', '#F0E442', '#CC79A7', '#D55E00', '#0072B2', '#999999'])
          [((n - 1) OPERATOR(pg_catalog.%) 8) + 1] $$;
COMMENT ON FUNCTION @extschema@._svg_colour(integer) IS
    'Fill colour of the n-th category (Okabe-Ito palette, repeating after 8)';

-- The <svg> document: title and description for assistive technology, the
-- title (wrapped) visible above the body, which is drawn from y = 0 below it.
CREATE FUNCTION @extschema@._svg_document(width double precision, height double precision,
                                          title text, description text, body text)
RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    -- room for a 30-character title line at least (15 px bold: about 8.4 px a character)
    full_width double precision := greatest(width, 272);
    lines text[] := @extschema@._svg_wrap(title::text, ((full_width - 20) / 8.4)::integer);
    top double precision := 14 + 20 * pg_catalog.cardinality(lines);
    id text := 'iscm-' || pg_catalog.left(pg_catalog.md5(title || description || body), 12);
    heading text := '';
BEGIN
    FOR i IN 1 .. pg_catalog.cardinality(lines) LOOP
        heading := heading || @extschema@._svg_text((10)::double precision, (4 + 20 * i)::double precision, (lines[i])::text, ' font-size="15" font-weight="bold"'::text);
    END LOOP;
    RETURN pg_catalog.format(
        E'<svg xmlns="http://www.w3.org/2000/svg" width="%1$s" height="%2$s" viewBox="0 0 %1$s %2$s" role="img"'
        ' aria-labelledby="%3$s-title %3$s-desc" font-family="DejaVu Sans, Verdana, sans-serif" font-size="12">\n'
        '<title id="%3$s-title">%4$s</title>\n<desc id="%3$s-desc">%5$s</desc>\n'
        '<rect width="100%%" height="100%%" fill="#fff"/>%6$s\n'
        '<g transform="translate(0,%7$s)">\n%8$s\n</g>\n</svg>',
        @extschema@._svg_num((pg_catalog.ceil(full_width))::double precision), @extschema@._svg_num((pg_catalog.ceil(top + height))::double precision), id,
        @extschema@._xml_escape(title::text), @extschema@._xml_escape(description::text), heading,
        @extschema@._svg_num(top::double precision), body);
END
$$;
COMMENT ON FUNCTION @extschema@._svg_document(double precision, double precision, text, text, text) IS
    'An SVG document of the body (width x height below the heading) with <title>, <desc>, the title shown wrapped, and ids unique to its content';

-- Percent axis over a plot from x0, px wide, grid lines height high.
CREATE FUNCTION @extschema@._svg_percent_axis(x0 double precision, px double precision, height double precision,
                                              low integer DEFAULT 0, high integer DEFAULT 100)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT (SELECT pg_catalog.string_agg(
                      @extschema@._svg_line(x::double precision, (14)::double precision, x::double precision, height::double precision, ' stroke="#ccc"'::text)
                      || @extschema@._svg_text(x::double precision, (10)::double precision, (CASE WHEN t > 0 AND low < 0 THEN '+' ELSE '' END || t || '%')::text, ' text-anchor="middle" fill="#333"'::text),
                      E'\n' ORDER BY t)
             FROM pg_catalog.generate_series(low, high, (high - low) / 4) AS t,
                  LATERAL (SELECT x0 + px * (t - low) / (high - low) AS x) AS p) $$;
COMMENT ON FUNCTION @extschema@._svg_percent_axis(double precision, double precision, double precision, integer, integer) IS
    'Tick labels and grid lines of a percentage axis in five steps from low to high';

-- ---- survey shares --------------------------------------------------------------

CREATE FUNCTION @extschema@.survey_chart_svg(
    survey text, question text, group_by text DEFAULT NULL, min_cell integer DEFAULT 5,
    level double precision DEFAULT 0.95, method text DEFAULT 'wilson')
RETURNS text
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    q record;
    s record;
    plot_x double precision := 80;
    plot_w constant double precision := 320;
    y double precision := 22;
    body text := '';
    grp text;
    r record;
BEGIN
    SELECT sq.wording, sq.allowed_answers INTO q
      FROM @extschema@.survey_questions AS sq
     WHERE sq.survey = survey_chart_svg.survey AND sq.code = survey_chart_svg.question
       AND sq.answer_type NOT IN ('number', 'free_text');
    IF NOT FOUND THEN
        RAISE EXCEPTION 'survey % has no question % with categorical answers',
                        pg_catalog.quote_literal(survey), pg_catalog.quote_literal(question)
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = coalesce((SELECT 'Its questions with categorical answers: '
                                          || pg_catalog.string_agg(sq.code, ', ' ORDER BY sq.position, sq.code) || '.'
                                     FROM @extschema@.survey_questions AS sq
                                    WHERE sq.survey = survey_chart_svg.survey AND sq.answer_type NOT IN ('number', 'free_text')),
                                  'iscm.surveys lists the surveys, iscm.survey_questions their questions.');
    END IF;
    SELECT sv.title, sv.code INTO s FROM @extschema@.surveys AS sv WHERE sv.code = survey_chart_svg.survey;
    FOR r IN
        SELECT t.group_name AS grp, t.answer, pg_catalog.array_position(q.allowed_answers, t.answer) AS pos,
               t.count, t.base, t.share, t.ci_lower AS lo, t.ci_upper AS hi, t.suppressed,
               -- the label column fits the longest answer and group name
               greatest(60, pg_catalog.max(@extschema@._svg_text_width(t.answer::text)) OVER (),
                        pg_catalog.max(@extschema@._svg_text_width(t.group_name::text)) OVER () - 10) + 20 AS label_w
          FROM @extschema@.survey_table(survey::text, group_by::text, level::double precision, min_cell::integer, method::text) AS t
         WHERE t.question_code = survey_chart_svg.question
         ORDER BY t.group_name COLLATE "C", 3
    LOOP
        plot_x := r.label_w;
        IF grp IS DISTINCT FROM r.grp AND group_by IS NOT NULL THEN
            y := y + 6;
            body := body || @extschema@._svg_text((10)::double precision, (y + 12)::double precision, r.grp::text, ' font-weight="bold"'::text) || E'\n';
            y := y + 18;
        END IF;
        grp := r.grp;
        body := body || @extschema@._svg_text((plot_x - 8)::double precision, (y + 13)::double precision, r.answer::text, ' text-anchor="end"'::text);
        IF r.suppressed THEN
            body := body || @extschema@._svg_text((plot_x + 4)::double precision, (y + 13)::double precision, ('suppressed (fewer than ' || min_cell || ' or protecting such a cell)')::text, ' font-style="italic" fill="#555"'::text);
        ELSIF r.base = 0 THEN
            body := body || @extschema@._svg_text((plot_x + 4)::double precision, (y + 13)::double precision, 'nobody answered'::text, ' font-style="italic" fill="#555"'::text);
        ELSIF r.base IS NULL THEN
            -- a share would give the withheld base away
            body := body || @extschema@._svg_text((plot_x + 4)::double precision, (y + 13)::double precision, (r.count || ' (base withheld)')::text, ' font-style="italic" fill="#555"'::text);
        ELSE
            body := body
                || @extschema@._svg_rect(plot_x::double precision, (y + 3)::double precision, (plot_w * r.share)::double precision, (14)::double precision, (pg_catalog.format(' fill="%s"', @extschema@._svg_colour(r.pos::integer)))::text)
                || @extschema@._svg_whisker((plot_x + plot_w * r.lo)::double precision, (plot_x + plot_w * r.hi)::double precision, (y + 10)::double precision)
                || @extschema@._svg_text((plot_x + plot_w + 10)::double precision, (y + 13)::double precision, (@extschema@._share_label(r.count::bigint, r.base::bigint))::text, ''::text);
        END IF;
        body := body || E'\n';
        y := y + 20;
    END LOOP;
    IF body = '' THEN
        body := @extschema@._svg_text((plot_x + 4)::double precision, (y + 13)::double precision, 'no answers stored'::text, ' font-style="italic" fill="#555"'::text);
        y := y + 20;
    END IF;
    RETURN @extschema@._svg_document((plot_x + plot_w + 150)::double precision, (y + 10)::double precision, q.wording::text, (pg_catalog.format('Survey %s (%s): share of respondents giving each answer%s, as bars with %s%% %s confidence intervals as whiskers; '
                          'each bar is labelled with its count, base and percentage. Cells of fewer than %s respondents, and cells that would reveal them, are suppressed.',
                          s.title, s.code,
                          CASE WHEN group_by IS NULL THEN '' ELSE ', by ' || group_by END,
                          @extschema@._svg_num((100 * level)::double precision), method, min_cell))::text, (@extschema@._svg_percent_axis(plot_x::double precision, plot_w::double precision, y::double precision, (0)::integer, (100)::integer) || E'\n' || body)::text);
END
$$;
COMMENT ON FUNCTION @extschema@.survey_chart_svg(text, text, text, integer, double precision, text) IS
    'SVG bar chart of the shares of each answer to a survey question, by group (as survey_table groups), with confidence-interval whiskers, counts as describe words them, and suppressed cells marked';

-- ---- two rounds -------------------------------------------------------------------

CREATE FUNCTION @extschema@._points(value double precision)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT CASE WHEN pg_catalog.round(100 * value) > 0 THEN '+' ELSE '' END || pg_catalog.round(100 * value)::integer $$;
COMMENT ON FUNCTION @extschema@._points(double precision) IS
    'A difference of shares in whole percentage points, signed: +12, -3, 0';

CREATE FUNCTION @extschema@.round_comparison_svg(
    previous @extschema@.answer_summary, current @extschema@.answer_summary, category text,
    previous_label text, current_label text, title text, level double precision DEFAULT 0.95)
RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    label_w double precision := greatest(@extschema@._svg_text_width(previous_label::text),
                                         @extschema@._svg_text_width(current_label::text),
                                         @extschema@._svg_text_width('change'::text)) + 20;
    plot_w constant double precision := 320;
    d @extschema@.proportion_interval;
    body text := '';
    y double precision := 22;
    s @extschema@.answer_summary;
    name text;
    n integer := 0;
BEGIN
    IF previous IS NULL OR current IS NULL OR category IS NULL OR title IS NULL THEN
        RAISE EXCEPTION 'round_comparison_svg needs both summaries, a category and a title'
            USING ERRCODE = 'null_value_not_allowed';
    END IF;
    FOR s, name IN SELECT * FROM (VALUES (previous, coalesce(previous_label, 'previous round')),
                                         (current, coalesce(current_label, 'this round'))) AS v LOOP
        n := n + 1;
        body := body || @extschema@._svg_text((label_w - 8)::double precision, (y + 13)::double precision, name::text, ' text-anchor="end"'::text);
        IF @extschema@.respondents(s::@extschema@.answer_summary) = 0 THEN
            body := body || @extschema@._svg_text((label_w + 4)::double precision, (y + 13)::double precision, 'nobody answered'::text, ' font-style="italic" fill="#555"'::text);
        ELSE
            body := body
                || @extschema@._svg_rect(label_w::double precision, (y + 3)::double precision, (plot_w * @extschema@.share(s::@extschema@.answer_summary, category::text))::double precision, (14)::double precision, (pg_catalog.format(' fill="%s"', @extschema@._svg_colour(n::integer)))::text)
                || @extschema@._svg_whisker((label_w + plot_w * @extschema@.ci_lower(s::@extschema@.answer_summary, category::text, 'wilson'::text, level::double precision, NULL::bigint))::double precision, (label_w + plot_w * @extschema@.ci_upper(s::@extschema@.answer_summary, category::text, 'wilson'::text, level::double precision, NULL::bigint))::double precision, (y + 10)::double precision)
                || @extschema@._svg_text((label_w + plot_w + 10)::double precision, (y + 13)::double precision, (@extschema@.describe(s::@extschema@.answer_summary, category::text, NULL::integer))::text, ''::text);
        END IF;
        body := body || E'\n';
        y := y + 20;
    END LOOP;
    body := @extschema@._svg_percent_axis(label_w::double precision, plot_w::double precision, y::double precision, (0)::integer, (100)::integer) || E'\n' || body;
    -- the change on its own axis, -100 .. +100 points, with Newcombe's interval
    d := @extschema@.share_difference(current::@extschema@.answer_summary, previous::@extschema@.answer_summary, category::text, level::double precision);
    y := y + 16;
    body := body
        || E'\n<g transform="translate(0,' || @extschema@._svg_num(y::double precision) || E')">\n'
        || @extschema@._svg_percent_axis(label_w::double precision, plot_w::double precision, (40)::double precision, (-100)::integer, (100)::integer) || E'\n'
        || @extschema@._svg_text((label_w - 8)::double precision, (35)::double precision, 'change'::text, ' text-anchor="end"'::text);
    IF d.estimate IS NULL THEN
        body := body || @extschema@._svg_text((label_w + 4)::double precision, (35)::double precision, 'no change can be computed (a round has no answers)'::text, ' font-style="italic" fill="#555"'::text);
    ELSE
        body := body
            || @extschema@._svg_rect((label_w + plot_w / 2 + least(0, plot_w / 2 * d.estimate))::double precision, (25)::double precision, (plot_w / 2 * abs(d.estimate))::double precision, (14)::double precision, ' fill="#999999"'::text)
            || @extschema@._svg_whisker((label_w + plot_w / 2 * (1 + d.lower))::double precision, (label_w + plot_w / 2 * (1 + d.upper))::double precision, (32)::double precision)
            || @extschema@._svg_text((label_w + plot_w + 10)::double precision, (35)::double precision, (pg_catalog.format('%s points (%s%% CI %s to %s)', @extschema@._points(d.estimate::double precision),
                                     @extschema@._svg_num((100 * level)::double precision), @extschema@._points(d.lower::double precision),
                                     @extschema@._points(d.upper::double precision)))::text, ''::text);
    END IF;
    body := body || E'\n</g>';
    RETURN @extschema@._svg_document((label_w + plot_w + 210)::double precision, (y + 50)::double precision, title::text, (pg_catalog.format('Share answering %s in %s and in %s, as bars with %s%% Wilson intervals as whiskers, '
                          'and the change between them in percentage points with Newcombe''s hybrid score interval.',
                          category, coalesce(previous_label, 'the previous round'), coalesce(current_label, 'this round'),
                          @extschema@._svg_num((100 * level)::double precision)))::text, body::text);
END
$$;
COMMENT ON FUNCTION @extschema@.round_comparison_svg(@extschema@.answer_summary, @extschema@.answer_summary, text, text, text, text, double precision) IS
    'SVG chart comparing the share of a category in two rounds (answer summaries, e.g. figure_summary of two published figures): bars with Wilson whiskers and the change with Newcombe''s interval';

-- ---- chair timeline ---------------------------------------------------------------

CREATE FUNCTION @extschema@.chair_timeline_svg(mechanism text, on_date date DEFAULT NULL)
RETURNS text
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    day text := pg_catalog.to_char(on_date, 'YYYY-MM-DD');   -- whatever the DateStyle
    mech text := @extschema@.mechanism_code(mechanism::text);
    m record;
    first_year integer;
    last_year integer;
    per_year double precision;
    label_w double precision;
    plot_w double precision;
    x0 double precision;
    y double precision := 26;
    body text := '';
    axis text := '';
    right_w double precision := 60;
    note text;
    step integer;
    r record;
BEGIN
    IF mechanism IS NULL THEN
        RAISE EXCEPTION 'chair_timeline_svg needs a mechanism' USING ERRCODE = 'null_value_not_allowed';
    END IF;
    SELECT mm.name, coalesce(mm.acronym, mm.code) AS short INTO m FROM @extschema@.mechanisms AS mm WHERE mm.code = mech;
    SELECT pg_catalog.min(pg_catalog.date_part('year', t.first_day))::integer,
           pg_catalog.max(pg_catalog.date_part('year', coalesce(t.last_day, t.first_day)))::integer,
           pg_catalog.max(@extschema@._svg_text_width((t.term || '. ' || pg_catalog.array_to_string(t.holders, ' and '))::text))
      INTO first_year, last_year, label_w
      FROM @extschema@.chair_timeline(mech::text) AS t;
    label_w := coalesce(label_w, 60) + 20;
    IF first_year IS NULL THEN
        first_year := 2000;
        last_year := 2000;
    END IF;
    -- at least 12 px a year, at most 40, about 760 px in all
    per_year := greatest(12, least(40, 760.0 / (last_year - first_year + 1)));
    plot_w := per_year * (last_year - first_year + 1);
    x0 := label_w;
    step := CASE WHEN per_year >= 30 THEN 1 WHEN per_year >= 15 THEN 2 ELSE 5 END;
    FOR yr IN first_year .. last_year + 1 LOOP
        IF (yr - first_year) % step = 0 OR yr = last_year + 1 THEN
            axis := axis || @extschema@._svg_line((x0 + per_year * (yr - first_year))::double precision, (14)::double precision, (x0 + per_year * (yr - first_year))::double precision, (-1)::double precision, ' stroke="#ccc"'::text)
                         || CASE WHEN yr <= last_year
                                 THEN @extschema@._svg_text((x0 + per_year * (yr - first_year + 0.5))::double precision, (10)::double precision, yr::text, ' text-anchor="middle" fill="#333" font-size="10"'::text)
                                 ELSE '' END;
        END IF;
    END LOOP;
    FOR r IN
        SELECT t.*, p."position"
          FROM @extschema@.chair_timeline(mech::text) AS t
          LEFT JOIN (SELECT DISTINCT ON (tr.term) tr.term, tr."position"
                       FROM @extschema@.troika_on(mech::text, on_date::date, 'stated'::text) AS tr
                      WHERE on_date IS NOT NULL ORDER BY tr.term, tr."position") AS p ON p.term = t.term
         ORDER BY t.term
    LOOP
        body := body || @extschema@._svg_text((x0 - 8)::double precision, (y + 13)::double precision, (r.term || '. ' || pg_catalog.array_to_string(r.holders, ' and '))::text, (CASE WHEN r.unknown THEN ' text-anchor="end" font-style="italic" fill="#555"' ELSE ' text-anchor="end"' END)::text);
        IF r.first_day IS NULL THEN
            body := body || @extschema@._svg_text((x0 + 4)::double precision, (y + 13)::double precision, 'undated'::text, ' font-style="italic" fill="#555"'::text);
        ELSE
            body := body || @extschema@._svg_rect((x0 + per_year * (pg_catalog.date_part('year', r.first_day) - first_year
                                 + (pg_catalog.date_part('doy', r.first_day) - 1) / 365.25))::double precision, (y + 3)::double precision, (greatest(2, per_year * (coalesce(r.last_day, pg_catalog.make_date(last_year, 12, 31)) - r.first_day + 1) / 365.25))::double precision, (14)::double precision, (CASE WHEN r.unknown THEN ' fill="#fff" stroke="#555" stroke-dasharray="3 2"'
                     WHEN r."position" = 'current' THEN ' fill="#D55E00"'
                     WHEN r."position" IS NOT NULL THEN ' fill="#E69F00"'
                     ELSE ' fill="#56B4E9"' END)::text);
        END IF;
        note := r.period || CASE WHEN r.last_day IS NULL AND r.first_day IS NOT NULL THEN ' (open)' ELSE '' END
                || coalesce(' - ' || r."position" || ' on ' || day, '');
        right_w := greatest(right_w, @extschema@._svg_text_width(note::text) + 20);
        body := body || @extschema@._svg_text((x0 + plot_w + 10)::double precision, (y + 13)::double precision, note::text, ''::text) || E'\n';
        y := y + 20;
    END LOOP;
    IF body = '' THEN
        body := @extschema@._svg_text((x0 + 4)::double precision, (y + 13)::double precision, 'no chair recorded'::text, ' font-style="italic" fill="#555"'::text);
        y := y + 20;
    END IF;
    RETURN @extschema@._svg_document((x0 + plot_w + right_w)::double precision, (y + 10)::double precision, ('Chairs of ' || m.name || coalesce(': troika on ' || day, ''))::text, (pg_catalog.format('Chair terms of %s (%s) in order, one row per term (co-chairs together), each a bar over the years of its stated period'
                          ' with the period written beside it; a term whose holder no source names is a dashed outline%s.',
                          m.name, m.short,
                          CASE WHEN on_date IS NULL THEN ''
                               ELSE pg_catalog.format('; the previous, current and next terms on %s (the troika) are marked as such', day) END))::text, (axis || E'\n' || body)::text);
END
$$;
COMMENT ON FUNCTION @extschema@.chair_timeline_svg(text, date) IS
    'SVG timeline of the chair terms of a mechanism (co-chairs together, unknown holders shown as such); with on_date, the troika on that date marked';

-- ---- membership matrix ------------------------------------------------------------

CREATE FUNCTION @extschema@.membership_matrix_svg(on_date date, mechanisms text[] DEFAULT NULL,
                                                  role text DEFAULT 'member', reading text DEFAULT 'stated')
RETURNS text
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    day text := pg_catalog.to_char(on_date, 'YYYY-MM-DD');   -- whatever the DateStyle
    cols text[];
    label_w double precision;
    head_h double precision;
    cell constant double precision := 18;
    y double precision;
    body text := '';
    r record;
BEGIN
    IF on_date IS NULL THEN
        RAISE EXCEPTION 'membership_matrix_svg needs a date' USING ERRCODE = 'null_value_not_allowed';
    END IF;
    -- the mechanisms asked for (by any name mechanism_code takes), in that
    -- order, else every one with a State in the role on the date
    SELECT pg_catalog.array_agg(c.code ORDER BY c.o) INTO cols
      FROM (SELECT @extschema@.mechanism_code(a.m::text) AS code, a.o
              FROM pg_catalog.unnest(mechanisms) WITH ORDINALITY AS a(m, o)
            UNION ALL
            SELECT m.code, pg_catalog.row_number() OVER (ORDER BY m.code)
              FROM @extschema@.mechanisms AS m
             WHERE mechanisms IS NULL
               AND @extschema@.cardinality((@extschema@.members_on(m.code::text, on_date::date, role::text, reading::text))::@extschema@.country_set) > 0) AS c;
    cols := coalesce(cols, '{}');
    SELECT greatest(40, pg_catalog.max(@extschema@._svg_text_width(c::text))) + 14 INTO head_h FROM pg_catalog.unnest(cols) AS c;
    head_h := coalesce(head_h, 40);
    y := head_h;
    FOR r IN
        WITH membership AS (
            SELECT c.code, c.o, x.state
              FROM pg_catalog.unnest(cols) WITH ORDINALITY AS c(code, o)
             CROSS JOIN LATERAL @extschema@.unnest((@extschema@.members_on(c.code::text, on_date::date, role::text, reading::text))::@extschema@.country_set) AS x(state)
        ),
        states AS (
            SELECT m.state, @extschema@.country_name(m.state, 'en'::text) || ' (' || @extschema@.canonical_code(m.state::@extschema@.country) || ')' AS label,
                   pg_catalog.array_agg(m.o ORDER BY m.o) AS columns
              FROM membership AS m GROUP BY m.state
        )
        SELECT s.*, greatest(80, pg_catalog.max(@extschema@._svg_text_width(s.label::text)) OVER ()) + 20 AS label_w
          FROM states AS s
         ORDER BY @extschema@.normalize_country_name((@extschema@.country_name(s.state, 'en'::text))::text) COLLATE "C", s.label COLLATE "C"
    LOOP
        label_w := r.label_w;
        body := body || @extschema@._svg_text((label_w - 8)::double precision, (y + 13)::double precision, r.label::text, ' text-anchor="end"'::text);
        FOR i IN 1 .. pg_catalog.cardinality(cols) LOOP
            body := body || CASE WHEN i = ANY (r.columns)
                THEN pg_catalog.format('<rect x="%s" y="%s" width="14" height="14" fill="#0072B2"><title>%s</title></rect>',
                                       @extschema@._svg_num((label_w + cell * (i - 1) + 2)::double precision), @extschema@._svg_num((y + 2)::double precision),
                                       @extschema@._xml_escape((r.label || ': ' || role || ' of ' || cols[i])::text))
                ELSE @extschema@._svg_rect((label_w + cell * (i - 1) + 2)::double precision, (y + 2)::double precision, (14)::double precision, (14)::double precision, ' fill="none" stroke="#ddd"'::text) END;
        END LOOP;
        body := body || @extschema@._svg_text((label_w + cell * pg_catalog.cardinality(cols) + 8)::double precision, (y + 13)::double precision, (pg_catalog.cardinality(r.columns) || ' of ' || pg_catalog.cardinality(cols))::text, ''::text) || E'\n';
        y := y + cell;
    END LOOP;
    label_w := coalesce(label_w, 100);
    IF body = '' THEN
        body := @extschema@._svg_text((10)::double precision, (y + 13)::double precision, ('no State is ' || role || ' of any of these mechanisms on ' || day)::text, ' font-style="italic" fill="#555"'::text);
        y := y + cell;
    END IF;
    -- column heads, read bottom-up, and each column's count
    FOR i IN 1 .. pg_catalog.cardinality(cols) LOOP
        body := body
            || pg_catalog.format('<text transform="translate(%s,%s) rotate(-90)">%s</text>',
                                 @extschema@._svg_num((label_w + cell * (i - 1) + 13)::double precision), @extschema@._svg_num((head_h - 6)::double precision),
                                 @extschema@._xml_escape((cols[i])::text))
            || @extschema@._svg_text((label_w + cell * (i - 1) + 9)::double precision, (y + 14)::double precision, (SELECT @extschema@.cardinality((@extschema@.members_on((cols[i])::text, on_date::date, role::text, reading::text))::@extschema@.country_set))::text, ' text-anchor="middle" font-size="9"'::text);
    END LOOP;
    RETURN @extschema@._svg_document((label_w + cell * pg_catalog.cardinality(cols) + 70)::double precision, (y + 24)::double precision, (pg_catalog.format('States by mechanism: %s on %s', role, day))::text, (pg_catalog.format('One row per State and one column per mechanism (%s); a filled square marks a State that is %s of the mechanism on %s'
                          ' (%s reading); each row ends with the number of these mechanisms the State belongs to, each column with its number of States.',
                          pg_catalog.array_to_string(cols, ', '), role, day, reading))::text, body::text);
END
$$;
COMMENT ON FUNCTION @extschema@.membership_matrix_svg(date, text[], text, text) IS
    'SVG matrix of States (rows) by mechanisms (columns) on a date: which State holds the role (default member) in which mechanism, with row and column counts';

-- ---- maps: a category per country ----------------------------------------------------

-- Countries and their categories, checked: as many categories as countries,
-- no country twice.  Rows: the country, its category and the category's
-- number (1, 2 ... in byte order of the categories).
CREATE FUNCTION @extschema@._country_categories(countries @extschema@.country[], categories text[], title text,
                                                OUT country @extschema@.country, OUT category text, OUT n integer)
RETURNS SETOF record
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    twice text;
BEGIN
    IF countries IS NULL OR categories IS NULL OR title IS NULL THEN
        RAISE EXCEPTION 'a map needs countries, categories and a title' USING ERRCODE = 'null_value_not_allowed';
    END IF;
    IF pg_catalog.cardinality(countries) <> pg_catalog.cardinality(categories) THEN
        RAISE EXCEPTION '% countries but % categories', pg_catalog.cardinality(countries), pg_catalog.cardinality(categories)
            USING ERRCODE = 'invalid_parameter_value', HINT = 'Give one category for each country.';
    END IF;
    SELECT pg_catalog.string_agg(@extschema@.canonical_code(d.c::@extschema@.country), ', ' ORDER BY d.c) INTO twice
      FROM (SELECT c FROM pg_catalog.unnest(countries) AS c GROUP BY c HAVING pg_catalog.count(*) > 1) AS d;
    IF twice IS NOT NULL THEN
        RAISE EXCEPTION 'countries given more than once: %', twice USING ERRCODE = 'invalid_parameter_value';
    END IF;
    RETURN QUERY
        SELECT g.c, g.category, pg_catalog.dense_rank() OVER (ORDER BY g.category COLLATE "C")::integer
          FROM ROWS FROM (pg_catalog.unnest(countries), pg_catalog.unnest(categories)) AS g(c, category)
         WHERE g.c IS NOT NULL AND g.category IS NOT NULL;
END
$$;
COMMENT ON FUNCTION @extschema@._country_categories(@extschema@.country[], text[], text) IS
    'The countries of a map with their categories and category numbers; 22023 for arrays of different lengths or a country given twice';

-- The legend of a map, from y = 0: per category its number, colour, name,
-- count and the codes of its countries (so the map is readable without
-- colour); height is its height in px.
CREATE FUNCTION @extschema@._svg_legend(countries @extschema@.country[], categories text[], width double precision,
                                        OUT svg text, OUT height double precision)
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    r record;
    line text;
BEGIN
    svg := '';
    height := 0;
    FOR r IN
        SELECT c.n, c.category, pg_catalog.count(*) AS k,
               pg_catalog.string_agg(@extschema@.canonical_code(c.country::@extschema@.country), ' ' ORDER BY @extschema@.canonical_code(c.country::@extschema@.country)) AS codes
          FROM @extschema@._country_categories(countries::@extschema@.country[], categories::text[], ''::text) AS c
         GROUP BY c.n, c.category ORDER BY c.n
    LOOP
        svg := svg || @extschema@._svg_rect((10)::double precision, (height + 2)::double precision, (14)::double precision, (14)::double precision, (pg_catalog.format(' fill="%s" stroke="#333"', @extschema@._svg_colour(r.n::integer)))::text);
        FOREACH line IN ARRAY @extschema@._svg_wrap((pg_catalog.format('%s  %s (%s): %s', r.n, r.category, r.k, r.codes))::text, ((width - 40) / 6.6)::integer) LOOP
            svg := svg || @extschema@._svg_text((32)::double precision, (height + 13)::double precision, line::text, ''::text) || E'\n';
            height := height + 16;
        END LOOP;
        height := height + 4;
    END LOOP;
END
$$;
COMMENT ON FUNCTION @extschema@._svg_legend(@extschema@.country[], text[], double precision) IS
    'Legend of a map: number, colour, category, count and country codes of each category, and its height';

CREATE FUNCTION @extschema@.country_tile_map_svg(countries @extschema@.country[], categories text[],
                                                 title text, description text DEFAULT NULL)
RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    tile constant double precision := 36;
    per_row constant integer := 20;
    y double precision := 0;
    body text := '';
    band text;
    last_i integer := 0;
    legend record;
    r record;
BEGIN
    FOR r IN
        WITH given AS (
            SELECT * FROM @extschema@._country_categories(countries::@extschema@.country[], categories::text[], title::text)
        ),
        -- every current country with an M49 region, and whatever else is given
        shown AS (
            SELECT k.code::@extschema@.country AS c, k.region_name AS region, k.subregion_name, k.code
              FROM @extschema@._countries() AS k WHERE NOT k.is_former AND k.region_name IS NOT NULL
            UNION
            SELECT g.country, coalesce(@extschema@.region_name(g.country::@extschema@.country), 'Other'),
                   @extschema@.subregion_name(g.country::@extschema@.country), @extschema@.canonical_code(g.country::@extschema@.country)
              FROM given AS g
        )
        SELECT s.region, s.code, @extschema@.country_name(s.c, 'en'::text) AS name, g.category, g.n,
               pg_catalog.row_number() OVER (PARTITION BY s.region ORDER BY s.subregion_name COLLATE "C", s.code COLLATE "C") - 1 AS i
          FROM shown AS s
          LEFT JOIN given AS g ON g.country OPERATOR(@extschema@.=) s.c
         ORDER BY s.region = 'Other', s.region COLLATE "C", i
    LOOP
        IF band IS DISTINCT FROM r.region THEN
            y := y + CASE WHEN band IS NULL THEN 0 ELSE tile * pg_catalog.ceil(last_i / per_row::numeric) + 8 END;
            body := body || @extschema@._svg_text((10)::double precision, (y + 14)::double precision, r.region::text, ' font-weight="bold"'::text) || E'\n';
            y := y + 20;
            band := r.region;
        END IF;
        body := body || pg_catalog.format(
            '<g transform="translate(%s,%s)"><title>%s</title>%s%s%s</g>',
            @extschema@._svg_num((10 + tile * (r.i % per_row))::double precision), @extschema@._svg_num((y + tile * (r.i / per_row))::double precision),
            @extschema@._xml_escape((r.name || ': ' || coalesce(r.category, 'no data'))::text),
            @extschema@._svg_rect((1)::double precision, (1)::double precision, (tile - 2)::double precision, (tile - 2)::double precision, (CASE WHEN r.n IS NULL THEN ' fill="#fff" stroke="#bbb"'
                     ELSE pg_catalog.format(' fill="%s" stroke="#333"', @extschema@._svg_colour(r.n::integer)) END)::text),
            @extschema@._svg_text((tile / 2)::double precision, (16)::double precision, r.code::text, ' text-anchor="middle" font-size="10"'::text),
            CASE WHEN r.n IS NULL THEN ''
                 ELSE @extschema@._svg_text((tile / 2)::double precision, (29)::double precision, r.n::text, ' text-anchor="middle" font-size="9" font-weight="bold"'::text) END)
            || E'\n';
        last_i := r.i + 1;
    END LOOP;
    y := y + tile * pg_catalog.ceil(last_i / per_row::numeric) + 10;
    legend := @extschema@._svg_legend(countries::@extschema@.country[], categories::text[], (20 + tile * per_row)::double precision);
    RETURN @extschema@._svg_document((20 + tile * per_row)::double precision, (y + legend.height + 10)::double precision, title::text, (coalesce(description || ' ', '')
        || 'Countries as tiles grouped by M49 region (not a map: no geometry), each with its code; a tile with a number has data,'
        || ' the number being its category in the legend below, which also gives how many countries are in each and their codes; blank tiles have no data.')::text, (body || pg_catalog.format(E'<g transform="translate(0,%s)">\n%s</g>', @extschema@._svg_num(y::double precision), legend.svg))::text);
END
$$;
COMMENT ON FUNCTION @extschema@.country_tile_map_svg(@extschema@.country[], text[], text, text) IS
    'SVG tile grid of every country by M49 region, each tile numbered and coloured by its category (countries[i] has categories[i]), with a legend; no geometry needed';
