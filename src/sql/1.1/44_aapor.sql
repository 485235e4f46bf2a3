-- AAPOR outcome rates from counts, with the arguments in the order of the
-- summary form aapor_rate(d, rate, e): the data (the eight counts, in the
-- order of dispositions()), then the rate, then e.  The 1.0 form
-- aapor_rate(rate, i, p, r, nc, o, uh, uo, e) stays for released calls.  e has
-- no default here: with one, a 1.0 call of nine arguments whose first and
-- last are untyped ('RR1', ..., NULL, or a driver's string and NULL
-- parameters) would match both forms and fail as ambiguous; ten arguments
-- never match the 1.0 form.

CREATE FUNCTION @extschema@.aapor_rate(i int8, p int8, r int8, nc int8, o int8, uh int8, uo int8, ne int8,
                                       rate text, e float8)
    RETURNS float8
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    eligible float8;
BEGIN
    IF i IS NULL OR p IS NULL OR r IS NULL OR nc IS NULL OR o IS NULL OR uh IS NULL OR uo IS NULL
       OR ne IS NULL OR rate IS NULL THEN
        RETURN NULL;
    END IF;
    IF ne < 0 THEN
        RAISE EXCEPTION 'disposition count NE must be >= 0, not %', ne
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF e IS NULL THEN
        -- as for a disposition_summary, summed in the same order so that both
        -- forms give the same double
        eligible := i::float8 + p::float8 + r::float8 + nc::float8 + o::float8;
        -- with no case of known eligibility, eligible is 0 and so is the
        -- e-denominator e(UH+UO) for any e: e = 0 gives the summary form's NULL
        e := CASE WHEN eligible + ne::float8 > 0 THEN eligible / (eligible + ne::float8) ELSE 0 END;
    END IF;
    RETURN @extschema@.aapor_rate(rate::text, i::int8, p::int8, r::int8, nc::int8, o::int8, uh::int8, uo::int8,
                                  e::float8);
END
$$;
COMMENT ON FUNCTION @extschema@.aapor_rate(int8, int8, int8, int8, int8, int8, int8, int8, text, float8) IS
    'AAPOR outcome rate from the eight disposition counts I, P, R, NC, O, UH, UO, NE, in the argument order of aapor_rate(disposition_summary, rate, e); e NULL = estimated from the cases of known eligibility (the preferred counts form)';

COMMENT ON FUNCTION @extschema@.aapor_rate(text, int8, int8, int8, int8, int8, int8, int8, float8) IS
    'AAPOR outcome rate from disposition counts without NE, rate first (the 1.0 order; aapor_rate(i, p, r, nc, o, uh, uo, ne, rate, e) is preferred); RR3, RR4, REF2 and CON2 need e';
