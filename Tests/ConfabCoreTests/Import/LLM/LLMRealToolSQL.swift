/// SQL captured from the real `llm` tool, so fixtures have its exact schema and rows.
///
/// Captured with llm 0.27.1 + llm-echo 0.3 (legacy store, migrations m001 to m021) and llm 0.36 +
/// llm-echo 0.5 (migrations m022 to m027, the message store) from a scratch virtualenv, using the
/// `echo` model, which needs no network. The FTS5 shadow tables are left out: creating the
/// virtual tables makes them. File paths in the rows were changed to `/home/sam/notes/`.
enum LLMRealToolSQL {
    /// `sqlite_schema` of a logs.db created by llm 0.27.1.
    static let legacySchema = #"""
CREATE TABLE "_llm_migrations" (
   "name" TEXT PRIMARY KEY,
   "applied_at" TEXT
);
CREATE TABLE "conversations" (
   "id" TEXT PRIMARY KEY,
   "name" TEXT,
   "model" TEXT
);
CREATE TABLE "attachments" (
   "id" TEXT PRIMARY KEY,
   "type" TEXT,
   "path" TEXT,
   "url" TEXT,
   "content" BLOB
);
CREATE TABLE "prompt_attachments" (
   "response_id" TEXT REFERENCES "responses"("id"),
   "attachment_id" TEXT REFERENCES "attachments"("id"),
   "order" INTEGER,
   PRIMARY KEY ("response_id", "attachment_id")
);
CREATE TABLE "schemas" (
   "id" TEXT PRIMARY KEY,
   "content" TEXT
);
CREATE TABLE "responses" (
   "id" TEXT PRIMARY KEY,
   "model" TEXT,
   "prompt" TEXT,
   "system" TEXT,
   "prompt_json" TEXT,
   "options_json" TEXT,
   "response" TEXT,
   "response_json" TEXT,
   "conversation_id" TEXT REFERENCES "conversations"("id"),
   "duration_ms" INTEGER,
   "datetime_utc" TEXT,
   "input_tokens" INTEGER,
   "output_tokens" INTEGER,
   "token_details" TEXT,
   "schema_id" TEXT REFERENCES "schemas"("id")
, "resolved_model" TEXT);
CREATE TABLE "fragments" (
   "id" INTEGER PRIMARY KEY,
   "hash" TEXT,
   "content" TEXT,
   "datetime_utc" TEXT,
   "source" TEXT
);
CREATE TABLE "fragment_aliases" (
   "alias" TEXT PRIMARY KEY,
   "fragment_id" INTEGER REFERENCES "fragments"("id")
);
CREATE TABLE "prompt_fragments" (
   "response_id" TEXT REFERENCES "responses"("id"),
   "fragment_id" INTEGER REFERENCES "fragments"("id"),
   "order" INTEGER,
   PRIMARY KEY ("response_id", "fragment_id", "order")
);
CREATE TABLE "system_fragments" (
   "response_id" TEXT REFERENCES "responses"("id"),
   "fragment_id" INTEGER REFERENCES "fragments"("id"),
   "order" INTEGER,
   PRIMARY KEY ("response_id", "fragment_id", "order")
);
CREATE TABLE "tools" (
   "id" INTEGER PRIMARY KEY,
   "hash" TEXT,
   "name" TEXT,
   "description" TEXT,
   "input_schema" TEXT
, "plugin" TEXT);
CREATE TABLE "tool_responses" (
   "tool_id" INTEGER REFERENCES "tools"("id"),
   "response_id" TEXT REFERENCES "responses"("id"),
   PRIMARY KEY ("tool_id", "response_id")
);
CREATE TABLE "tool_calls" (
   "id" INTEGER PRIMARY KEY,
   "response_id" TEXT REFERENCES "responses"("id"),
   "tool_id" INTEGER REFERENCES "tools"("id"),
   "name" TEXT,
   "arguments" TEXT,
   "tool_call_id" TEXT
);
CREATE TABLE "tool_instances" (
   "id" INTEGER PRIMARY KEY,
   "plugin" TEXT,
   "name" TEXT,
   "arguments" TEXT
);
CREATE TABLE "tool_results" (
   "id" INTEGER PRIMARY KEY,
   "response_id" TEXT REFERENCES "responses"("id"),
   "tool_id" INTEGER REFERENCES "tools"("id"),
   "name" TEXT,
   "output" TEXT,
   "tool_call_id" TEXT,
   "instance_id" INTEGER REFERENCES "tool_instances"("id")
, "exception" TEXT);
CREATE UNIQUE INDEX "idx_fragments_hash"
    ON "fragments" ("hash");
CREATE UNIQUE INDEX "idx_tools_hash"
    ON "tools" ("hash");
CREATE VIRTUAL TABLE "responses_fts" USING FTS5 (
    "prompt", "response",
    content="responses"
);
CREATE TRIGGER "responses_ai" AFTER INSERT ON "responses" BEGIN
  INSERT INTO "responses_fts" (rowid, "prompt", "response") VALUES (new.rowid, new."prompt", new."response");
END;
CREATE TRIGGER "responses_ad" AFTER DELETE ON "responses" BEGIN
  INSERT INTO "responses_fts" ("responses_fts", rowid, "prompt", "response") VALUES('delete', old.rowid, old."prompt", old."response");
END;
CREATE TRIGGER "responses_au" AFTER UPDATE ON "responses" BEGIN
  INSERT INTO "responses_fts" ("responses_fts", rowid, "prompt", "response") VALUES('delete', old.rowid, old."prompt", old."response");
  INSERT INTO "responses_fts" (rowid, "prompt", "response") VALUES (new.rowid, new."prompt", new."response");
END;
CREATE TABLE "tool_results_attachments" (
   "tool_result_id" INTEGER REFERENCES "tool_results"("id"),
   "attachment_id" TEXT REFERENCES "attachments"("id"),
   "order" INTEGER,
   PRIMARY KEY ("tool_result_id", "attachment_id")
);
"""#

    /// What llm 0.36's migrations m022 to m027 add to a 0.27.1 logs.db.
    static let messageStoreSchema = #"""
ALTER TABLE "responses" ADD COLUMN "reasoning" TEXT;
CREATE TABLE "messages" (
   "hash" TEXT PRIMARY KEY,
   "parent_hash" TEXT REFERENCES "messages"("hash"),
   "role" TEXT,
   "provider_metadata" TEXT
);
CREATE TABLE "parts" (
   "id" INTEGER PRIMARY KEY,
   "message_hash" TEXT REFERENCES "messages"("hash"),
   "position" INTEGER,
   "type" TEXT,
   "tool_name" TEXT,
   "text" TEXT,
   "payload" TEXT
);
CREATE TABLE "part_attachments" (
   "part_id" INTEGER REFERENCES "parts"("id"),
   "attachment_id" TEXT REFERENCES "attachments"("id"),
   "order" INTEGER,
   PRIMARY KEY ("part_id", "attachment_id", "order")
);
CREATE TABLE "part_fragments" (
   "part_id" INTEGER REFERENCES "parts"("id"),
   "fragment_id" INTEGER REFERENCES "fragments"("id"),
   "order" INTEGER,
   PRIMARY KEY ("part_id", "fragment_id", "order")
);
CREATE TABLE "threads" (
   "id" TEXT PRIMARY KEY,
   "name" TEXT,
   "tip_message_hash" TEXT REFERENCES "messages"("hash"),
   "forked_from" TEXT REFERENCES "threads"("id"),
   "datetime_utc" TEXT
);
CREATE TABLE "turns" (
   "id" TEXT PRIMARY KEY,
   "thread_id" TEXT REFERENCES "threads"("id"),
   "parent_message_hash" TEXT REFERENCES "messages"("hash"),
   "tip_message_hash" TEXT REFERENCES "messages"("hash"),
   "model" TEXT,
   "resolved_model" TEXT,
   "options_json" TEXT,
   "schema_id" TEXT REFERENCES "schemas"("id"),
   "input_tokens" INTEGER,
   "output_tokens" INTEGER,
   "token_details" TEXT,
   "duration_ms" INTEGER,
   "datetime_utc" TEXT
, "response_json" TEXT);
CREATE TABLE "turn_fragments" (
   "turn_id" TEXT REFERENCES "turns"("id"),
   "fragment_id" INTEGER REFERENCES "fragments"("id"),
   "order" INTEGER,
   "kind" TEXT,
   PRIMARY KEY ("turn_id", "fragment_id", "kind", "order")
);
CREATE TABLE "turn_search" (
   "id" INTEGER PRIMARY KEY,
   "turn_id" TEXT REFERENCES "turns"("id"),
   "prompt" TEXT,
   "response" TEXT
);
CREATE TABLE "turn_tools" (
   "turn_id" TEXT REFERENCES "turns"("id"),
   "tool_id" INTEGER REFERENCES "tools"("id"),
   "instance_id" INTEGER REFERENCES "tool_instances"("id"),
   PRIMARY KEY ("turn_id", "tool_id")
);
CREATE INDEX "idx_messages_parent_hash"
    ON "messages" ("parent_hash");
CREATE UNIQUE INDEX "idx_parts_message_hash_position"
    ON "parts" ("message_hash", "position");
CREATE INDEX "idx_part_fragments_fragment_id"
    ON "part_fragments" ("fragment_id");
CREATE INDEX "idx_turns_thread_id"
    ON "turns" ("thread_id");
CREATE INDEX "idx_turn_fragments_fragment_id"
    ON "turn_fragments" ("fragment_id");
CREATE UNIQUE INDEX "idx_turn_search_turn_id"
    ON "turn_search" ("turn_id");
CREATE VIRTUAL TABLE "turn_search_fts" USING FTS5 (
    "prompt", "response",
    content="turn_search"
);
CREATE TRIGGER "turn_search_ai" AFTER INSERT ON "turn_search" BEGIN
  INSERT INTO "turn_search_fts" (rowid, "prompt", "response") VALUES (new.rowid, new."prompt", new."response");
END;
CREATE TRIGGER "turn_search_ad" AFTER DELETE ON "turn_search" BEGIN
  INSERT INTO "turn_search_fts" ("turn_search_fts", rowid, "prompt", "response") VALUES('delete', old.rowid, old."prompt", old."response");
END;
CREATE TRIGGER "turn_search_au" AFTER UPDATE ON "turn_search" BEGIN
  INSERT INTO "turn_search_fts" ("turn_search_fts", rowid, "prompt", "response") VALUES('delete', old.rowid, old."prompt", old."response");
  INSERT INTO "turn_search_fts" (rowid, "prompt", "response") VALUES (new.rowid, new."prompt", new."response");
END;
CREATE TABLE "tool_instantiations" (
   "turn_id" TEXT REFERENCES "turns"("id"),
   "tool_call_id" TEXT,
   "instance_id" INTEGER REFERENCES "tool_instances"("id"),
   PRIMARY KEY ("turn_id", "tool_call_id")
);
CREATE VIEW "message_tree" AS with recursive msg as (
  select m.hash, m.parent_hash, m.role, m.rowid as rid,
    replace(coalesce(
      nullif(p.text, ''),
      (select f.content from part_fragments pf
       join fragments f on f.id = pf.fragment_id
       where pf.part_id = p.id
       order by pf."order" limit 1),
      '[' || coalesce(p.type, 'empty') || ']'
    ), char(10), ' ') as text,
    (select group_concat(p2.tool_name, ', ') from parts p2
     where p2.message_hash = m.hash and p2.type = 'tool_result'
       and p2.tool_name is not null) as tools
  from messages m
  left join parts p on p.message_hash = m.hash and p.position = 0
),
tree as (
  select hash, text, tools, 0 as depth,
    printf('%012d', rid) as path, hash as root_hash
  from msg where parent_hash is null
  union all
  select msg.hash, msg.text, msg.tools, t.depth + 1,
    t.path || '/' || printf('%012d', msg.rid),
    t.root_hash
  from msg join tree t on msg.parent_hash = t.hash
),
turn_chain as (
  select t.id as turn_id, t.datetime_utc, m.hash, m.parent_hash
  from turns t join messages m on m.hash = t.tip_message_hash
  union all
  select tc.turn_id, tc.datetime_utc, m.hash, m.parent_hash
  from turn_chain tc join messages m on m.hash = tc.parent_hash
)
select
  t.root_hash,
  strftime('%Y-%m-%d %H:%M:%S',
    (select min(tc.datetime_utc) from turn_chain tc where tc.hash = t.hash)
  ) as datetime,
  replace(hex(zeroblob(t.depth)), '00', '    ') || substr(t.text, 1, 60)
    as message,
  coalesce(t.tools, '') as tools,
  t.hash as message_hash,
  t.path
from tree t
order by t.path;
"""#

    /// Every row of a logs.db that llm 0.27.1 wrote and llm 0.36 then continued.
    ///
    /// llm 0.27.1 wrote four conversations:
    /// - "Legacy hello" with the system prompt "You are terse.", continued with
    ///   "Legacy follow-up 日本語 🎉";
    /// - "Untouched legacy conversation";
    /// - "Legacy image prompt" with a PNG attachment;
    /// - "legacy add", a tool call whose result is on a follow-up with prompt "".
    ///
    /// llm 0.36 then wrote:
    /// - "Modern continuation", a `--cid` continuation of "Legacy hello", which copies the legacy
    ///   history into a thread with the same id;
    /// - "Think first" with reasoning;
    /// - "Summarize the fragment" with a fragment, a system fragment and `-s "Be brief."`;
    /// - "Describe this image" with an attachment part;
    /// - "please add" with a tool call and its result;
    /// - "Question one" and, with `-c`, "Question two";
    /// - through `LogStore.fork` and `LogStore.append`, a thread "Forked branch" that forks after
    ///   the first answer and adds a question and answer.
    static let upgradedRows = #"""
INSERT INTO _llm_migrations VALUES('m001_initial','2026-12-04 21:03:55.309185+00:00');
INSERT INTO _llm_migrations VALUES('m002_id_primary_key','2026-12-04 21:03:55.314222+00:00');
INSERT INTO _llm_migrations VALUES('m003_chat_id_foreign_key','2026-12-04 21:03:55.326144+00:00');
INSERT INTO _llm_migrations VALUES('m004_column_order','2026-12-04 21:03:55.331844+00:00');
INSERT INTO _llm_migrations VALUES('m004_drop_provider','2026-12-04 21:03:55.339656+00:00');
INSERT INTO _llm_migrations VALUES('m005_debug','2026-12-04 21:03:55.355830+00:00');
INSERT INTO _llm_migrations VALUES('m006_new_logs_table','2026-12-04 21:03:55.376014+00:00');
INSERT INTO _llm_migrations VALUES('m007_finish_logs_table','2026-12-04 21:03:55.383632+00:00');
INSERT INTO _llm_migrations VALUES('m008_reply_to_id_foreign_key','2026-12-04 21:03:55.392002+00:00');
INSERT INTO _llm_migrations VALUES('m008_fix_column_order_in_logs','2026-12-04 21:03:55.397134+00:00');
INSERT INTO _llm_migrations VALUES('m009_delete_logs_table_if_empty','2026-12-04 21:03:55.398801+00:00');
INSERT INTO _llm_migrations VALUES('m010_create_new_log_tables','2026-12-04 21:03:55.401619+00:00');
INSERT INTO _llm_migrations VALUES('m011_fts_for_responses','2026-12-04 21:03:55.406052+00:00');
INSERT INTO _llm_migrations VALUES('m012_attachments_tables','2026-12-04 21:03:55.409110+00:00');
INSERT INTO _llm_migrations VALUES('m013_usage','2026-12-04 21:03:55.413061+00:00');
INSERT INTO _llm_migrations VALUES('m014_schemas','2026-12-04 21:03:55.430902+00:00');
INSERT INTO _llm_migrations VALUES('m015_fragments_tables','2026-12-04 21:03:55.437275+00:00');
INSERT INTO _llm_migrations VALUES('m016_fragments_table_pks','2026-12-04 21:03:55.445322+00:00');
INSERT INTO _llm_migrations VALUES('m017_tools_tables','2026-12-04 21:03:55.451757+00:00');
INSERT INTO _llm_migrations VALUES('m017_tools_plugin','2026-12-04 21:03:55.453793+00:00');
INSERT INTO _llm_migrations VALUES('m018_tool_instances','2026-12-04 21:03:55.464164+00:00');
INSERT INTO _llm_migrations VALUES('m019_resolved_model','2026-12-04 21:03:55.466178+00:00');
INSERT INTO _llm_migrations VALUES('m020_tool_results_attachments','2026-12-04 21:03:55.468375+00:00');
INSERT INTO _llm_migrations VALUES('m021_tool_results_exception','2026-12-04 21:03:55.470297+00:00');
INSERT INTO _llm_migrations VALUES('m022_response_reasoning','2026-12-04 21:03:59.815027+00:00');
INSERT INTO _llm_migrations VALUES('m023_message_store','2026-12-04 21:03:59.851112+00:00');
INSERT INTO _llm_migrations VALUES('m024_tool_instance_references','2026-12-04 21:03:59.879496+00:00');
INSERT INTO _llm_migrations VALUES('m025_turn_tools_instance_backfill','2026-12-04 21:03:59.880567+00:00');
INSERT INTO _llm_migrations VALUES('m026_message_tree_view','2026-12-04 21:03:59.882565+00:00');
INSERT INTO _llm_migrations VALUES('m027_turns_response_json','2026-12-04 21:03:59.884755+00:00');
INSERT INTO conversations VALUES('01m91dxv2hd2egwb5apcjstk38','Legacy hello','echo');
INSERT INTO conversations VALUES('01m91dxwpfe9pn1sp3tjn74wwx','Untouched legacy conversation','echo');
INSERT INTO conversations VALUES('01m91dxxq5whbdvny2yges134r','Legacy image prompt','echo');
INSERT INTO conversations VALUES('01m91dxygh1ssqm74107exmsh8','{"prompt": "legacy add", "tool_…','echo');
INSERT INTO responses VALUES('01m91dxv2hd2egwb5apcjstk37','echo','Legacy hello','You are terse.',NULL,'{}',replace('{\n  "prompt": "Legacy hello",\n  "system": "You are terse.",\n  "attachments": [],\n  "stream": true,\n  "previous": []\n}','\n',char(10)),NULL,'01m91dxv2hd2egwb5apcjstk38',0,'2026-12-04T21:03:55.473466+00:00',NULL,NULL,NULL,NULL,NULL,NULL);
INSERT INTO responses VALUES('01m91dxvzk344z4yg1kpzhkwdj','echo','Legacy follow-up 日本語 🎉',NULL,NULL,'{}',replace('{\n  "prompt": "Legacy follow-up \u65e5\u672c\u8a9e \ud83c\udf89",\n  "system": "",\n  "attachments": [],\n  "stream": true,\n  "previous": [\n    {\n      "prompt": "Legacy hello"\n    }\n  ]\n}','\n',char(10)),NULL,'01m91dxv2hd2egwb5apcjstk38',0,'2026-12-04T21:03:56.403758+00:00',NULL,NULL,NULL,NULL,NULL,NULL);
INSERT INTO responses VALUES('01m91dxwpec9dwy9v62qv2dfd7','echo','Untouched legacy conversation',NULL,NULL,'{}',replace('{\n  "prompt": "Untouched legacy conversation",\n  "system": "",\n  "attachments": [],\n  "stream": true,\n  "previous": []\n}','\n',char(10)),NULL,'01m91dxwpfe9pn1sp3tjn74wwx',0,'2026-12-04T21:03:57.134999+00:00',NULL,NULL,NULL,NULL,NULL,NULL);
INSERT INTO responses VALUES('01m91dxxq5whbdvny2yges134q','echo','Legacy image prompt',NULL,NULL,'{}',replace('{\n  "prompt": "Legacy image prompt",\n  "system": "",\n  "attachments": [\n    {\n      "type": "image/png",\n      "path": "/home/sam/notes/red.png",\n      "url": null,\n      "id": "b1ff9c8ea3a780bad09b346c423d2d0e46815926879b18e841d928376a946640"\n    }\n  ],\n  "stream": true,\n  "previous": []\n}','\n',char(10)),NULL,'01m91dxxq5whbdvny2yges134r',0,'2026-12-04T21:03:58.181523+00:00',NULL,NULL,NULL,NULL,NULL,NULL);
INSERT INTO responses VALUES('01m91dxygm8mhbger0y7p2qpat','echo','{"prompt": "legacy add", "tool_calls": [{"name": "add", "arguments": {"a": 2, "b": 3}}]}',NULL,NULL,'{}',replace('{\n  "prompt": "legacy add",\n  "system": "",\n  "attachments": [],\n  "stream": true,\n  "previous": []\n}','\n',char(10)),NULL,'01m91dxygh1ssqm74107exmsh8',0,'2026-12-04T21:03:58.996927+00:00',NULL,NULL,NULL,NULL,NULL,NULL);
INSERT INTO responses VALUES('01m91dxygn1zj5nxgtym7qykw9','echo','',NULL,NULL,'{}',replace('{\n  "prompt": "",\n  "system": "",\n  "attachments": [],\n  "stream": true,\n  "previous": [\n    {\n      "prompt": "{\"prompt\": \"legacy add\", \"tool_calls\": [{\"name\": \"add\", \"arguments\": {\"a\": 2, \"b\": 3}}]}"\n    }\n  ],\n  "tool_results": [\n    {\n      "name": "add",\n      "output": "5",\n      "tool_call_id": null\n    }\n  ]\n}','\n',char(10)),NULL,'01m91dxygh1ssqm74107exmsh8',0,'2026-12-04T21:03:58.997063+00:00',NULL,NULL,NULL,NULL,NULL,NULL);
INSERT INTO attachments VALUES('b1ff9c8ea3a780bad09b346c423d2d0e46815926879b18e841d928376a946640','image/png','/home/sam/notes/red.png',NULL,NULL);
INSERT INTO prompt_attachments VALUES('01m91dxxq5whbdvny2yges134q','b1ff9c8ea3a780bad09b346c423d2d0e46815926879b18e841d928376a946640',0);
INSERT INTO fragments VALUES(1,'b921b028d273f463d8204c07cd1d846eb56cfa33a4230a2b739b1e1802a8c1bb',replace('Fragment text: the quick brown fox.\n','\n',char(10)),'2026-12-04 21:04:01','/home/sam/notes/frag.txt');
INSERT INTO fragments VALUES(2,'6776f03deebb7e7006317e8254a57e1e4094519a916484b77cb7df1a21ce40b4',replace('Answer in English.\n','\n',char(10)),'2026-12-04 21:04:01','/home/sam/notes/sysfrag.txt');
INSERT INTO tools VALUES(1,'642343388667738b5d731fbca496094020104a933c178c88386e31708c76974f','add','Add two integers','{"properties": {"a": {"type": "integer"}, "b": {"type": "integer"}}, "required": ["a", "b"], "type": "object"}',NULL);
INSERT INTO tool_responses VALUES(1,'01m91dxygm8mhbger0y7p2qpat');
INSERT INTO tool_responses VALUES(1,'01m91dxygn1zj5nxgtym7qykw9');
INSERT INTO tool_calls VALUES(1,'01m91dxygm8mhbger0y7p2qpat',1,'add','{"a": 2, "b": 3}',NULL);
INSERT INTO tool_results VALUES(1,'01m91dxygn1zj5nxgtym7qykw9',1,'add','5',NULL,NULL,NULL);
INSERT INTO messages VALUES('b2:a3907632b469bd26cbf61b3d537bb076',NULL,'system',NULL);
INSERT INTO messages VALUES('b2:8652bab2dd5f8ed45e66a4777f9c7e98','b2:a3907632b469bd26cbf61b3d537bb076','user',NULL);
INSERT INTO messages VALUES('b2:d683854be870a8f15aec2cc58522a17f','b2:8652bab2dd5f8ed45e66a4777f9c7e98','assistant',NULL);
INSERT INTO messages VALUES('b2:167a11dc4bc17d8187353d6ce7b1cf6b','b2:d683854be870a8f15aec2cc58522a17f','user',NULL);
INSERT INTO messages VALUES('b2:129c080d69dc2ef579004243836591bd','b2:167a11dc4bc17d8187353d6ce7b1cf6b','assistant',NULL);
INSERT INTO messages VALUES('b2:a2a3c7cdded4bb3a2ff7338b2826438b','b2:129c080d69dc2ef579004243836591bd','user',NULL);
INSERT INTO messages VALUES('b2:9cb1e4eadf992b824511faa7561f5895','b2:a2a3c7cdded4bb3a2ff7338b2826438b','assistant',NULL);
INSERT INTO messages VALUES('b2:8db4adda2f0620dfbaa00c8fed6a64f9',NULL,'user',NULL);
INSERT INTO messages VALUES('b2:bd0375c6e2992e2399ef764d77966f8c','b2:8db4adda2f0620dfbaa00c8fed6a64f9','assistant',NULL);
INSERT INTO messages VALUES('b2:0b22d19957b4fabc548c23ee9dfd61a6',NULL,'system',NULL);
INSERT INTO messages VALUES('b2:182a8f36fe6c6547fa93ecb63bef4eb1','b2:0b22d19957b4fabc548c23ee9dfd61a6','user',NULL);
INSERT INTO messages VALUES('b2:70ae93b94e1220c073b5eb035d329c7c','b2:182a8f36fe6c6547fa93ecb63bef4eb1','assistant',NULL);
INSERT INTO messages VALUES('b2:ce2e408b67ce28be9b7c35f2bf90d6bc',NULL,'user',NULL);
INSERT INTO messages VALUES('b2:fa5444a2c3e9671fb720149699e5ee6c','b2:ce2e408b67ce28be9b7c35f2bf90d6bc','assistant',NULL);
INSERT INTO messages VALUES('b2:4f07b6c87dc03e1ec092a07cac133c19',NULL,'user',NULL);
INSERT INTO messages VALUES('b2:ac453ba6dbc6287309737b46d4e45e4a','b2:4f07b6c87dc03e1ec092a07cac133c19','assistant',NULL);
INSERT INTO messages VALUES('b2:0acfe558ed5449b4af0c113e2c7feaf0','b2:ac453ba6dbc6287309737b46d4e45e4a','tool',NULL);
INSERT INTO messages VALUES('b2:7ff5b782b0016289810ddf6fdb83fd08','b2:0acfe558ed5449b4af0c113e2c7feaf0','assistant',NULL);
INSERT INTO messages VALUES('b2:db191225498b3a800f9e608c8ceb13e0',NULL,'user',NULL);
INSERT INTO messages VALUES('b2:70b70449d42780a8441eaf4c7bbdf295','b2:db191225498b3a800f9e608c8ceb13e0','assistant',NULL);
INSERT INTO messages VALUES('b2:d7ab57a1a28971ac5c369c4a00cc055d','b2:70b70449d42780a8441eaf4c7bbdf295','user',NULL);
INSERT INTO messages VALUES('b2:016b56ee8c6bd300fafd16352dd89180','b2:d7ab57a1a28971ac5c369c4a00cc055d','assistant',NULL);
INSERT INTO messages VALUES('b2:e4ba31a749e02322e7aa1b0c7281a4fb','b2:70b70449d42780a8441eaf4c7bbdf295','user',NULL);
INSERT INTO messages VALUES('b2:2b535b9582cbde314c6e4e40fb4fdd2d','b2:e4ba31a749e02322e7aa1b0c7281a4fb','assistant',NULL);
INSERT INTO parts VALUES(1,'b2:a3907632b469bd26cbf61b3d537bb076',0,'text',NULL,'You are terse.',NULL);
INSERT INTO parts VALUES(2,'b2:8652bab2dd5f8ed45e66a4777f9c7e98',0,'text',NULL,'Legacy hello',NULL);
INSERT INTO parts VALUES(3,'b2:d683854be870a8f15aec2cc58522a17f',0,'text',NULL,replace('{\n  "prompt": "Legacy hello",\n  "system": "You are terse.",\n  "attachments": [],\n  "stream": true,\n  "previous": []\n}','\n',char(10)),NULL);
INSERT INTO parts VALUES(4,'b2:167a11dc4bc17d8187353d6ce7b1cf6b',0,'text',NULL,'Legacy follow-up 日本語 🎉',NULL);
INSERT INTO parts VALUES(5,'b2:129c080d69dc2ef579004243836591bd',0,'text',NULL,replace('{\n  "prompt": "Legacy follow-up \u65e5\u672c\u8a9e \ud83c\udf89",\n  "system": "",\n  "attachments": [],\n  "stream": true,\n  "previous": [\n    {\n      "prompt": "Legacy hello"\n    }\n  ]\n}','\n',char(10)),NULL);
INSERT INTO parts VALUES(6,'b2:a2a3c7cdded4bb3a2ff7338b2826438b',0,'text',NULL,'Modern continuation',NULL);
INSERT INTO parts VALUES(7,'b2:9cb1e4eadf992b824511faa7561f5895',0,'text',NULL,replace('{\n  "prompt": "Modern continuation",\n  "system": "",\n  "attachments": [],\n  "stream": true,\n  "previous": [\n    {\n      "prompt": "Legacy hello"\n    },\n    {\n      "prompt": "Legacy follow-up \u65e5\u672c\u8a9e \ud83c\udf89"\n    }\n  ]\n}','\n',char(10)),NULL);
INSERT INTO parts VALUES(8,'b2:8db4adda2f0620dfbaa00c8fed6a64f9',0,'text',NULL,'Think first',NULL);
INSERT INTO parts VALUES(9,'b2:bd0375c6e2992e2399ef764d77966f8c',0,'reasoning',NULL,'First I consider the prompt, then I decide what to say.',NULL);
INSERT INTO parts VALUES(10,'b2:bd0375c6e2992e2399ef764d77966f8c',1,'text',NULL,replace('{\n  "prompt": "Think first",\n  "system": "",\n  "attachments": [],\n  "stream": true,\n  "previous": []\n}','\n',char(10)),NULL);
INSERT INTO parts VALUES(11,'b2:0b22d19957b4fabc548c23ee9dfd61a6',0,'text',NULL,NULL,'{"text_ref": [{"fragment": 2}, {"literal": "\nBe brief."}]}');
INSERT INTO parts VALUES(12,'b2:182a8f36fe6c6547fa93ecb63bef4eb1',0,'text',NULL,NULL,'{"text_ref": [{"fragment": 1}, {"literal": "\nSummarize the fragment"}]}');
INSERT INTO parts VALUES(13,'b2:70ae93b94e1220c073b5eb035d329c7c',0,'text',NULL,replace('{\012  "prompt": "Fragment text: the quick brown fox.\n\nSummarize the fragment",\012  "system": "Answer in English.\n\nBe brief.",\012  "attachments": [],\012  "stream": true,\012  "previous": []\012}','\012',char(10)),NULL);
INSERT INTO parts VALUES(14,'b2:ce2e408b67ce28be9b7c35f2bf90d6bc',0,'text',NULL,'Describe this image',NULL);
INSERT INTO parts VALUES(15,'b2:ce2e408b67ce28be9b7c35f2bf90d6bc',1,'attachment',NULL,NULL,'{"attachment": {"id": "b1ff9c8ea3a780bad09b346c423d2d0e46815926879b18e841d928376a946640"}}');
INSERT INTO parts VALUES(16,'b2:fa5444a2c3e9671fb720149699e5ee6c',0,'text',NULL,replace('{\n  "prompt": "Describe this image",\n  "system": "",\n  "attachments": [\n    {\n      "type": "image/png",\n      "path": "/home/sam/notes/red.png",\n      "url": null,\n      "id": "b1ff9c8ea3a780bad09b346c423d2d0e46815926879b18e841d928376a946640"\n    }\n  ],\n  "stream": true,\n  "previous": []\n}','\n',char(10)),NULL);
INSERT INTO parts VALUES(17,'b2:4f07b6c87dc03e1ec092a07cac133c19',0,'text',NULL,'{"prompt": "please add", "tool_calls": [{"name": "add", "arguments": {"a": 2, "b": 3}}]}',NULL);
INSERT INTO parts VALUES(18,'b2:ac453ba6dbc6287309737b46d4e45e4a',0,'text',NULL,replace('{\n  "prompt": "please add",\n  "system": "",\n  "attachments": [],\n  "stream": true,\n  "previous": []\n}','\n',char(10)),NULL);
INSERT INTO parts VALUES(19,'b2:ac453ba6dbc6287309737b46d4e45e4a',1,'tool_call','add',NULL,'{"name": "add", "arguments": {"a": 2, "b": 3}, "tool_call_id": "tc_01m91dy25g9em2nxb1hwvhacw5"}');
INSERT INTO parts VALUES(20,'b2:0acfe558ed5449b4af0c113e2c7feaf0',0,'tool_result','add',NULL,'{"name": "add", "output": "5", "tool_call_id": "tc_01m91dy25g9em2nxb1hwvhacw5"}');
INSERT INTO parts VALUES(21,'b2:7ff5b782b0016289810ddf6fdb83fd08',0,'text',NULL,replace('{\n  "prompt": "",\n  "system": "",\n  "attachments": [],\n  "stream": true,\n  "previous": [\n    {\n      "prompt": "{\"prompt\": \"please add\", \"tool_calls\": [{\"name\": \"add\", \"arguments\": {\"a\": 2, \"b\": 3}}]}"\n    }\n  ],\n  "tool_results": [\n    {\n      "name": "add",\n      "output": "5",\n      "tool_call_id": "tc_01m91dy25g9em2nxb1hwvhacw5"\n    }\n  ]\n}','\n',char(10)),NULL);
INSERT INTO parts VALUES(22,'b2:db191225498b3a800f9e608c8ceb13e0',0,'text',NULL,'Question one',NULL);
INSERT INTO parts VALUES(23,'b2:70b70449d42780a8441eaf4c7bbdf295',0,'text',NULL,replace('{\n  "prompt": "Question one",\n  "system": "",\n  "attachments": [],\n  "stream": true,\n  "previous": []\n}','\n',char(10)),NULL);
INSERT INTO parts VALUES(24,'b2:d7ab57a1a28971ac5c369c4a00cc055d',0,'text',NULL,'Question two',NULL);
INSERT INTO parts VALUES(25,'b2:016b56ee8c6bd300fafd16352dd89180',0,'text',NULL,replace('{\n  "prompt": "Question two",\n  "system": "",\n  "attachments": [],\n  "stream": true,\n  "previous": []\n}','\n',char(10)),NULL);
INSERT INTO parts VALUES(26,'b2:e4ba31a749e02322e7aa1b0c7281a4fb',0,'text',NULL,'A different second question',NULL);
INSERT INTO parts VALUES(27,'b2:2b535b9582cbde314c6e4e40fb4fdd2d',0,'text',NULL,'An answer only the fork has',NULL);
INSERT INTO part_attachments VALUES(15,'b1ff9c8ea3a780bad09b346c423d2d0e46815926879b18e841d928376a946640',0);
INSERT INTO part_fragments VALUES(11,2,0);
INSERT INTO part_fragments VALUES(12,1,0);
INSERT INTO threads VALUES('01m91dxv2hd2egwb5apcjstk38','Modern continuation','b2:9cb1e4eadf992b824511faa7561f5895',NULL,'2026-12-04 21:03:59.899025+00:00');
INSERT INTO threads VALUES('01m91dy01z1fca02prjnbdt1d0','Think first','b2:bd0375c6e2992e2399ef764d77966f8c',NULL,'2026-12-04 21:04:00.577239+00:00');
INSERT INTO threads VALUES('01m91dy0prc3hkhwhtjat0k4pn','Fragment text: the quick brown …','b2:70ae93b94e1220c073b5eb035d329c7c',NULL,'2026-12-04 21:04:01.242973+00:00');
INSERT INTO threads VALUES('01m91dy1d0me4xcf64gcx2gyjn','Describe this image','b2:fa5444a2c3e9671fb720149699e5ee6c',NULL,'2026-12-04 21:04:01.955252+00:00');
INSERT INTO threads VALUES('01m91dy25ej9xmtvj51qtnq70k','{"prompt": "please add", "tool_…','b2:7ff5b782b0016289810ddf6fdb83fd08',NULL,'2026-12-04 21:04:02.737599+00:00');
INSERT INTO threads VALUES('01m91dy341v36f7hs3ve5m9eky','Question one','b2:016b56ee8c6bd300fafd16352dd89180',NULL,'2026-12-04 21:04:03.715671+00:00');
INSERT INTO threads VALUES('01m91dy4prfxj5khtdqwxyv32y','Forked branch','b2:2b535b9582cbde314c6e4e40fb4fdd2d','01m91dy341v36f7hs3ve5m9eky','2026-12-04 21:04:05.336928+00:00');
INSERT INTO turns VALUES('01m91dxzctmxkggvdav3gb93yn','01m91dxv2hd2egwb5apcjstk38','b2:a2a3c7cdded4bb3a2ff7338b2826438b','b2:9cb1e4eadf992b824511faa7561f5895','echo',NULL,NULL,NULL,2,26,NULL,0,'2026-12-04T21:03:59.898464+00:00',NULL);
INSERT INTO turns VALUES('01m91dy020mv65kjzmrnccc95j','01m91dy01z1fca02prjnbdt1d0','b2:8db4adda2f0620dfbaa00c8fed6a64f9','b2:bd0375c6e2992e2399ef764d77966f8c','echo',NULL,'{"thinking": true}',NULL,2,24,NULL,0,'2026-12-04T21:04:00.576592+00:00',NULL);
INSERT INTO turns VALUES('01m91dy0ptf9h6y7yz6smmjmf5','01m91dy0prc3hkhwhtjat0k4pn','b2:182a8f36fe6c6547fa93ecb63bef4eb1','b2:70ae93b94e1220c073b5eb035d329c7c','echo',NULL,NULL,NULL,14,22,NULL,0,'2026-12-04T21:04:01.242433+00:00',NULL);
INSERT INTO turns VALUES('01m91dy1d2dkpx00ghqjnmfksb','01m91dy1d0me4xcf64gcx2gyjn','b2:ce2e408b67ce28be9b7c35f2bf90d6bc','b2:fa5444a2c3e9671fb720149699e5ee6c','echo',NULL,NULL,NULL,3,25,NULL,0,'2026-12-04T21:04:01.954374+00:00',NULL);
INSERT INTO turns VALUES('01m91dy25g9em2nxb1hwvhacw4','01m91dy25ej9xmtvj51qtnq70k','b2:4f07b6c87dc03e1ec092a07cac133c19','b2:ac453ba6dbc6287309737b46d4e45e4a','echo',NULL,NULL,NULL,11,13,NULL,0,'2026-12-04T21:04:02.736477+00:00',NULL);
INSERT INTO turns VALUES('01m91dy25g9em2nxb1hwvhacw6','01m91dy25ej9xmtvj51qtnq70k','b2:0acfe558ed5449b4af0c113e2c7feaf0','b2:7ff5b782b0016289810ddf6fdb83fd08','echo',NULL,NULL,NULL,1,38,NULL,0,'2026-12-04T21:04:02.736841+00:00',NULL);
INSERT INTO turns VALUES('01m91dy342chrd960gbeq5eztx','01m91dy341v36f7hs3ve5m9eky','b2:db191225498b3a800f9e608c8ceb13e0','b2:70b70449d42780a8441eaf4c7bbdf295','echo',NULL,NULL,NULL,2,13,NULL,0,'2026-12-04T21:04:03.714930+00:00',NULL);
INSERT INTO turns VALUES('01m91dy44064c4ej9ysdnbar3v','01m91dy341v36f7hs3ve5m9eky','b2:d7ab57a1a28971ac5c369c4a00cc055d','b2:016b56ee8c6bd300fafd16352dd89180','echo',NULL,NULL,NULL,2,13,NULL,0,'2026-12-04T21:04:04.736592+00:00',NULL);
INSERT INTO turn_fragments VALUES('01m91dy0ptf9h6y7yz6smmjmf5',1,0,'prompt');
INSERT INTO turn_fragments VALUES('01m91dy0ptf9h6y7yz6smmjmf5',2,0,'system');
INSERT INTO turn_tools VALUES('01m91dy25g9em2nxb1hwvhacw4',1,NULL);
INSERT INTO turn_tools VALUES('01m91dy25g9em2nxb1hwvhacw6',1,NULL);
"""#
}
