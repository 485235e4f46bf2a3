-- What the regression suite leaves out of test/hostile_roles.sh's workload:
-- reads of every column of every reporting view, and survey tables grouped by membership.
SELECT count(DISTINCT v::text) FROM iscm.mechanism_overview AS v;
SELECT count(DISTINCT v::text) FROM iscm.membership_report AS v;
SELECT count(DISTINCT v::text) FROM iscm.chair_report AS v;
SELECT count(DISTINCT v::text) FROM iscm.meeting_report AS v;
SELECT count(DISTINCT v::text) FROM iscm.meeting_role_report AS v;
SELECT count(DISTINCT v::text) FROM iscm.theme_coverage AS v;
SELECT count(DISTINCT v::text) FROM iscm.published_figure_check AS v;
SELECT count(*) FROM iscm.survey_table('gfmd-2008', group_by => 'mechanism:GFMD');
