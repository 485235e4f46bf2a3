/*
 * iscm_citus.c — refuse to read iscm's own tables in a Citus worker query.
 *
 * iscm's tables (the governance registry, the survey tables, user country
 * aliases) are local to each node: Citus cannot make them reference tables,
 * and rows a user adds on the coordinator are not on the workers.  A function
 * that reads them (members_on, survey_table, parse_country ...) is still
 * pushed down into the queries Citus sends to its workers when it appears in
 * a distributed query, and would there read the worker's copy: a silently
 * different answer.  So an executor hook raises an error instead, whenever a
 * query run for Citus on another node (application_name "citus_internal
 * gpid=...", the name Citus gives its internal connections) reads a relation
 * of the extension.  Only relations that belong to the extension count: the
 * shards of user tables in schema iscm do not.  CREATE and ALTER EXTENSION,
 * which Citus also runs on the workers, read the tables legitimately.
 *
 * The hook exists once the module is loaded, which happens in a backend with
 * the first call of any of iscm's C functions; doc/distributed.md asks for
 * iscm in shared_preload_libraries on Citus nodes so that it is there from the
 * first query of every connection.
 */
#include "compat.h"

#include "access/htup_details.h"
#include "catalog/dependency.h"
#include "catalog/namespace.h"
#include "catalog/pg_class.h"
#include "commands/extension.h"
#include "executor/executor.h"
#include "nodes/parsenodes.h"
#include "utils/guc.h"
#include "utils/lsyscache.h"

#include "iscm_citus.h"

/* the prefix of application_name that Citus (11 and later) gives its internal connections */
#define CITUS_INTERNAL_PREFIX "citus_internal gpid="

static ExecutorStart_hook_type prev_executor_start = NULL;

static bool
citus_internal_backend(void)
{
	return application_name != NULL &&
		strncmp(application_name, CITUS_INTERNAL_PREFIX, strlen(CITUS_INTERNAL_PREFIX)) == 0;
}

static void
check_relations(List *rtable)
{
	Oid			extension = InvalidOid;
	Oid			schema = InvalidOid;
	ListCell   *lc;

	foreach(lc, rtable)
	{
		RangeTblEntry *rte = lfirst_node(RangeTblEntry, lc);

		if (rte->rtekind != RTE_RELATION)
			continue;
		if (!OidIsValid(extension))
		{
			extension = get_extension_oid("iscm", true);
			schema = get_namespace_oid("iscm", true);	/* iscm.control: schema = iscm */
			if (!OidIsValid(extension) || !OidIsValid(schema))
				return;
		}
		if (get_rel_namespace(rte->relid) != schema ||
			getExtensionOfObject(RelationRelationId, rte->relid) != extension)
			continue;
		ereport(ERROR,
				errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("iscm's table %s.%s cannot be read by a query that Citus runs on another node",
					   get_namespace_name(schema), get_rel_name(rte->relid)),
				errdetail("Each node has its own copy of iscm's tables, and rows added on the coordinator are not on the workers: the answer could differ from the coordinator's without notice."),
				errhint("Evaluate the iscm function once on the coordinator, for example WITH m AS MATERIALIZED (SELECT iscm.members_on(...) AS s) joined to the distributed table (doc/distributed.md)."));
	}
}

static void
iscm_executor_start(QueryDesc *queryDesc, int eflags)
{
	if (citus_internal_backend() && !creating_extension)
		check_relations(queryDesc->plannedstmt->rtable);
	if (prev_executor_start)
		prev_executor_start(queryDesc, eflags);
	else
		standard_ExecutorStart(queryDesc, eflags);
}

void
iscm_citus_guard_init(void)
{
	prev_executor_start = ExecutorStart_hook;
	ExecutorStart_hook = iscm_executor_start;
}
