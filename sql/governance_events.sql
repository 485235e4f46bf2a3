-- Parent and child events: a dated child lies within its dated parent, and the
-- rule holds from both sides (a new child is checked against its parent, new
-- parent dates against the children).
BEGIN;
INSERT INTO iscm.events (code, mechanism, title, level, start_date, end_date, source)
VALUES ('EV-P', 'GFMD', 'Parent', 'summit', '2030-05-10', '2030-05-12', 'events test');
INSERT INTO iscm.events (code, mechanism, parent, title, level, start_date, source)
VALUES ('EV-C', 'GFMD', 'EV-P', 'Child', 'round table', '2030-05-12', 'events test');
SAVEPOINT s;
-- narrowing the parent so that the child falls outside is refused ...
UPDATE iscm.events SET end_date = '2030-05-11' WHERE code = 'EV-P';
\echo :LAST_ERROR_SQLSTATE
ROLLBACK TO s;
-- ... as a new child outside the parent's dates is
INSERT INTO iscm.events (code, mechanism, parent, title, level, start_date, source)
VALUES ('EV-C2', 'GFMD', 'EV-P', 'Child', 'round table', '2030-05-14', 'events test');
\echo :LAST_ERROR_SQLSTATE
ROLLBACK TO s;
-- widening the parent to its year keeps the child inside: accepted
UPDATE iscm.events SET start_date = '2030', end_date = NULL WHERE code = 'EV-P';
SELECT code, start_date, end_date, lower(period), upper(period) FROM iscm.events WHERE code = 'EV-P';
SAVEPOINT s2;
-- moving it away from the child is refused
UPDATE iscm.events SET start_date = '2031' WHERE code = 'EV-P';
\echo :LAST_ERROR_SQLSTATE
ROLLBACK TO s2;
-- an undated parent constrains nothing, and dating it again is checked
UPDATE iscm.events SET start_date = NULL, end_date = NULL WHERE code = 'EV-P';
UPDATE iscm.events SET start_date = '2030-05-11' WHERE code = 'EV-P';
\echo :LAST_ERROR_SQLSTATE
ROLLBACK TO s;
-- a child inserted before its parent in one statement is checked when the parent arrives
DELETE FROM iscm.events WHERE code IN ('EV-C', 'EV-P');
INSERT INTO iscm.events (code, mechanism, parent, title, level, start_date, end_date, source)
VALUES ('EV-C', 'GFMD', 'EV-P', 'Child', 'round table', '2030-06-01', NULL, 'events test'),
       ('EV-P', 'GFMD', NULL, 'Parent', 'summit', '2030-05-10', '2030-05-12', 'events test');
\echo :LAST_ERROR_SQLSTATE
ROLLBACK;

-- period_range refuses a basis it does not know (NULL means began / ended).
SELECT iscm.period_range('2007', 'began', '2008', 'ended'), iscm.period_range('2007', NULL, '2008', NULL);
SELECT iscm.period_range('2007', 'begun', '2008', 'ended');
\echo :LAST_ERROR_SQLSTATE
SELECT iscm.period_range('2007', 'began', '2008', 'ends', 'possible');
\echo :LAST_ERROR_SQLSTATE
