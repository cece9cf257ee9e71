// libpq, loaded on first use (lazy.h): the functions sim/hub calls.
#include <libpq-fe.h>

#include "lazy.h"

namespace {
dd::lazylibs::Library pq{"libpq.so.5", "libpq5"};
}  // namespace

DD_LAZY_FN(pq, void, PQclear, (PGresult * res), (res))
DD_LAZY_FN(pq, char*, PQcmdTuples, (PGresult * res), (res))
DD_LAZY_FN(pq, PGconn*, PQconnectdb, (const char* conninfo), (conninfo))
DD_LAZY_FN(pq, void, PQconninfoFree, (PQconninfoOption * options), (options))
DD_LAZY_FN(pq, PQconninfoOption*, PQconninfoParse, (const char* conninfo, char** errmsg),
           (conninfo, errmsg))
DD_LAZY_FN(pq, char*, PQdb, (const PGconn* conn), (conn))
DD_LAZY_FN(pq, char*, PQerrorMessage, (const PGconn* conn), (conn))
DD_LAZY_FN(pq, PGresult*, PQexec, (PGconn * conn, const char* query), (conn, query))
DD_LAZY_FN(pq, PGresult*, PQexecParams,
           (PGconn * conn, const char* command, int n, const Oid* types, const char* const* values,
            const int* lengths, const int* formats, int result_format),
           (conn, command, n, types, values, lengths, formats, result_format))
DD_LAZY_FN(pq, void, PQfinish, (PGconn * conn), (conn))
DD_LAZY_FN(pq, void, PQfreemem, (void* ptr), (ptr))
DD_LAZY_FN(pq, int, PQgetCopyData, (PGconn * conn, char** buffer, int async), (conn, buffer, async))
DD_LAZY_FN(pq, PGresult*, PQgetResult, (PGconn * conn), (conn))
DD_LAZY_FN(pq, int, PQgetisnull, (const PGresult* res, int row, int field), (res, row, field))
DD_LAZY_FN(pq, char*, PQgetvalue, (const PGresult* res, int row, int field), (res, row, field))
DD_LAZY_FN(pq, char*, PQhost, (const PGconn* conn), (conn))
DD_LAZY_FN(pq, int, PQntuples, (const PGresult* res), (res))
DD_LAZY_FN(pq, char*, PQport, (const PGconn* conn), (conn))
DD_LAZY_FN(pq, int, PQputCopyData, (PGconn * conn, const char* buffer, int nbytes),
           (conn, buffer, nbytes))
DD_LAZY_FN(pq, int, PQputCopyEnd, (PGconn * conn, const char* errormsg), (conn, errormsg))
DD_LAZY_FN(pq, char*, PQresultErrorField, (const PGresult* res, int fieldcode), (res, fieldcode))
DD_LAZY_FN(pq, char*, PQresultErrorMessage, (const PGresult* res), (res))
DD_LAZY_FN(pq, ExecStatusType, PQresultStatus, (const PGresult* res), (res))
DD_LAZY_FN(pq, PQnoticeProcessor, PQsetNoticeProcessor,
           (PGconn * conn, PQnoticeProcessor proc, void* arg), (conn, proc, arg))
DD_LAZY_FN(pq, ConnStatusType, PQstatus, (const PGconn* conn), (conn))
DD_LAZY_FN(pq, char*, PQuser, (const PGconn* conn), (conn))
