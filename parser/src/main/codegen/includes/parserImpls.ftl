<#--
  Quiver's statements and expressions, included into Calcite's Parser.jj.
-->

boolean QuiverIfNotExists() :
{
}
{
    [ LOOKAHEAD(3) <IF> <NOT> <EXISTS> { return true; } ]
    { return false; }
}

boolean QuiverIfExists() :
{
}
{
    [ LOOKAHEAD(2) <IF> <EXISTS> { return true; } ]
    { return false; }
}

/** A property value: a literal (string, number, boolean) or a bare name. */
SqlNode QuiverPropertyValue() :
{
    final SqlNode value;
}
{
    (
        value = Literal()
    |
        value = CompoundIdentifier()
    )
    { return value; }
}

/** {@code name = value}. */
SqlProperty QuiverProperty() :
{
    final SqlIdentifier name;
    final SqlNode value;
}
{
    name = SimpleIdentifier() <EQ> value = QuiverPropertyValue()
    { return new SqlProperty(name.getParserPosition(), name, value); }
}

/** {@code name = value [, name = value]*}, the list of SET clauses. */
SqlNodeList QuiverPropertyList() :
{
    final Span s = span();
    final List<SqlNode> list = new ArrayList<SqlNode>();
    SqlProperty property;
}
{
    property = QuiverProperty() { list.add(property); }
    (
        [ <COMMA> ] property = QuiverProperty() { list.add(property); }
    )*
    { return new SqlNodeList(list, s.end(this)); }
}

/** Optional {@code name = value} clauses separated by blanks or commas. */
SqlNodeList QuiverOptionalProperties() :
{
    final Span s = span();
    final List<SqlNode> list = new ArrayList<SqlNode>();
    SqlProperty property;
}
{
    (
        LOOKAHEAD(2) [ <COMMA> ] property = QuiverProperty() { list.add(property); }
    )*
    { return new SqlNodeList(list, s.end(this)); }
}

/** {@code name [, name]*}. */
SqlNodeList QuiverNameList() :
{
    final Span s = span();
    final List<SqlNode> list = new ArrayList<SqlNode>();
    SqlIdentifier name;
}
{
    name = SimpleIdentifier() { list.add(name); }
    ( <COMMA> name = SimpleIdentifier() { list.add(name); } )*
    { return new SqlNodeList(list, s.end(this)); }
}

/** USE [DATABASE | SCHEMA] name, or USE ROLE name. */
SqlNode SqlUse() :
{
    final Span s;
    SqlUse.Target target = SqlUse.Target.SCHEMA_OR_DATABASE;
    final SqlIdentifier name;
}
{
    <USE> { s = span(); }
    (
        LOOKAHEAD(2) <ROLE> name = SimpleIdentifier()
        { return new SqlUseRole(s.end(name), name); }
    |
        [
            LOOKAHEAD(1)
            (
                <DATABASE> { target = SqlUse.Target.DATABASE; }
            |
                <SCHEMA> { target = SqlUse.Target.SCHEMA; }
            )
        ]
        name = CompoundIdentifier()
        { return new SqlUse(s.end(name), target, name); }
    )
}

/**
 * SHOW {DATABASES | SCHEMAS | TABLES | MODELS | VERSIONS | FUNCTIONS | TAGS | USERS | ROLES}
 * [LIKE 'pattern'] [IN {ACCOUNT | DATABASE [name] | SCHEMA [name] | MODEL name [VERSION v]}],
 * SHOW GRANTS ... and SHOW FUTURE GRANTS IN SCHEMA name.
 */
SqlNode SqlShow() :
{
    final Span s;
    final SqlShow.ObjectType type;
    SqlNode like = null;
    SqlShow.Scope scope = SqlShow.Scope.CURRENT;
    SqlIdentifier scopeName = null;
    SqlIdentifier version = null;
}
{
    <SHOW> { s = span(); }
    (
        <DATABASES> { type = SqlShow.ObjectType.DATABASES; }
    |
        <SCHEMAS> { type = SqlShow.ObjectType.SCHEMAS; }
    |
        <TABLES> { type = SqlShow.ObjectType.TABLES; }
    |
        <MODELS> { type = SqlShow.ObjectType.MODELS; }
    |
        <VERSIONS> { type = SqlShow.ObjectType.VERSIONS; }
    |
        <FUNCTIONS> { type = SqlShow.ObjectType.FUNCTIONS; }
    |
        <TAGS> { type = SqlShow.ObjectType.TAGS; }
    |
        <USERS> { type = SqlShow.ObjectType.USERS; }
    |
        <ROLES> { type = SqlShow.ObjectType.ROLES; }
    |
        <GRANTS> { return QuiverShowGrants(s); }
    |
        <FUTURE> <GRANTS> <IN> <SCHEMA> scopeName = CompoundIdentifier()
        {
            return new SqlShowGrants(s.end(this), SqlShowGrants.Form.FUTURE_IN_SCHEMA, null,
                scopeName);
        }
    )
    [ <LIKE> like = StringLiteral() ]
    [
        <IN>
        (
            <ACCOUNT> { scope = SqlShow.Scope.ACCOUNT; }
        |
            <DATABASE> { scope = SqlShow.Scope.DATABASE; }
            [ scopeName = CompoundIdentifier() ]
        |
            <SCHEMA> { scope = SqlShow.Scope.SCHEMA; }
            [ scopeName = CompoundIdentifier() ]
        |
            <MODEL> { scope = SqlShow.Scope.MODEL; }
            scopeName = CompoundIdentifier()
            [ <VERSION> version = QuiverVersionName() ]
        )
    ]
    { return new SqlShow(s.end(this), type, like, scope, scopeName, version); }
}

/** DESCRIBE MODEL name. */
SqlNode SqlDescribeModel() :
{
    final Span s;
    final SqlIdentifier name;
}
{
    <DESCRIBE> { s = span(); } <MODEL> name = CompoundIdentifier()
    { return new SqlDescribeModel(s.end(name), name); }
}

/** COPY INTO table FROM 'file' [name = value ...]. */
SqlNode SqlCopyInto() :
{
    final Span s;
    final SqlIdentifier table;
    final SqlNode source;
    final SqlNodeList options;
}
{
    <COPY> { s = span(); } <INTO> table = CompoundIdentifier()
    <FROM> source = StringLiteral()
    options = QuiverOptionalProperties()
    { return new SqlCopyInto(s.end(this), table, source, options); }
}

/** CREATE [OR REPLACE] DATABASE [IF NOT EXISTS] name [COMMENT = '...']. */
SqlCreate SqlCreateDatabase(Span s, boolean replace) :
{
    final boolean ifNotExists;
    final SqlIdentifier name;
    final SqlNodeList options;
}
{
    <DATABASE> ifNotExists = QuiverIfNotExists() name = CompoundIdentifier()
    options = QuiverOptionalProperties()
    { return new SqlCreateDatabase(s.end(this), replace, ifNotExists, name, options); }
}

/** CREATE [OR REPLACE] SCHEMA [IF NOT EXISTS] [database.]name. */
SqlCreate SqlCreateSchemaStatement(Span s, boolean replace) :
{
    final boolean ifNotExists;
    final SqlIdentifier name;
}
{
    <SCHEMA> ifNotExists = QuiverIfNotExists() name = CompoundIdentifier()
    { return SqlDdlNodes.createSchema(s.end(this), replace, ifNotExists, name); }
}

/** A column: name type [NOT NULL | NULL] [DEFAULT expression]. */
void QuiverColumn(List<SqlNode> list) :
{
    final SqlIdentifier name;
    SqlDataTypeSpec type;
    SqlNode defaultValue = null;
    ColumnStrategy strategy = null;
    boolean primaryKey = false;
    final Span s = span();
}
{
    name = SimpleIdentifier() type = DataType()
    (
        <NOT> <NULL> { type = type.withNullable(false); }
    |
        <NULL> { type = type.withNullable(true); }
    |
        { type = type.withNullable(true); }
    )
    [
        <DEFAULT_> defaultValue = Expression(ExprContext.ACCEPT_SUB_QUERY)
        { strategy = ColumnStrategy.DEFAULT; }
    ]
    [ <PRIMARY> <KEY> { type = type.withNullable(false); primaryKey = true; } ]
    {
        list.add(SqlDdlNodes.column(s.add(name).end(this), name, type, defaultValue,
            strategy == null ? (type.getNullable() ? ColumnStrategy.NULLABLE
                : ColumnStrategy.NOT_NULLABLE) : strategy));
        if (primaryKey) {
            list.add(SqlDdlNodes.primary(s.end(this), null,
                new SqlNodeList(Collections.singletonList(name), name.getParserPosition())));
        }
    }
}

/** A table element: a column, or PRIMARY KEY (columns). */
void QuiverTableElement(List<SqlNode> list) :
{
    final Span s = span();
    final SqlNodeList columns;
}
{
    (
        <PRIMARY> <KEY> columns = ParenthesizedSimpleIdentifierList()
        { list.add(SqlDdlNodes.primary(s.end(this), null, columns)); }
    |
        QuiverColumn(list)
    )
}

SqlNodeList QuiverTableElementList() :
{
    final Span s;
    final List<SqlNode> list = new ArrayList<SqlNode>();
}
{
    <LPAREN> { s = span(); }
    QuiverTableElement(list)
    ( <COMMA> QuiverTableElement(list) )*
    <RPAREN>
    { return new SqlNodeList(list, s.end(this)); }
}

/** CREATE [OR REPLACE] TABLE [IF NOT EXISTS] name [(columns)] [AS query]. */
SqlCreate SqlCreateTableStatement(Span s, boolean replace) :
{
    final boolean ifNotExists;
    final SqlIdentifier name;
    SqlNodeList columns = null;
    SqlNode query = null;
}
{
    <TABLE> ifNotExists = QuiverIfNotExists() name = CompoundIdentifier()
    [ columns = QuiverTableElementList() ]
    [ <AS> query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY) ]
    {
        return SqlDdlNodes.createTable(s.end(this), replace, ifNotExists, name, columns,
            query);
    }
}

/** A version or alias name; DEFAULT, a reserved word, names the default version. */
SqlIdentifier QuiverVersionName() :
{
    final SqlIdentifier name;
}
{
    (
        name = SimpleIdentifier() { return name; }
    |
        <DEFAULT_> { return new SqlIdentifier("DEFAULT", getPos()); }
    )
}

/** FROM {'path' | ? | MODEL name [VERSION v]}: where a model version comes from. */
ModelSource QuiverModelSource() :
{
    final SqlNode path;
    final SqlNode parameter;
    final SqlIdentifier model;
    SqlIdentifier version = null;
}
{
    <FROM>
    (
        path = StringLiteral() { return ModelSource.file(path); }
    |
        parameter = DynamicParam() { return ModelSource.file(parameter); }
    |
        <MODEL> model = CompoundIdentifier()
        [ LOOKAHEAD(2) <VERSION> version = QuiverVersionName() ]
        { return ModelSource.model(model, version); }
    )
}

/**
 * CREATE [OR REPLACE] MODEL [IF NOT EXISTS] name [WITH VERSION v] FROM source
 * [COMMENT = '...'] [METADATA = '{...}'].
 */
SqlCreate SqlCreateModel(Span s, boolean replace) :
{
    final boolean ifNotExists;
    final SqlIdentifier name;
    SqlIdentifier version = null;
    final ModelSource source;
    final SqlNodeList options;
}
{
    <MODEL> ifNotExists = QuiverIfNotExists() name = CompoundIdentifier()
    [ <WITH> <VERSION> version = SimpleIdentifier() ]
    source = QuiverModelSource()
    options = QuiverOptionalProperties()
    {
        return new SqlCreateModel(s.end(this), replace, ifNotExists, name, version, source,
            options);
    }
}

/** CREATE [OR REPLACE] TAG [IF NOT EXISTS] name [ALLOWED_VALUES 'a' [, 'b']*]. */
SqlCreate SqlCreateTag(Span s, boolean replace) :
{
    final boolean ifNotExists;
    final SqlIdentifier name;
    final List<SqlNode> allowed = new ArrayList<SqlNode>();
    SqlNode value;
    final SqlNodeList options;
}
{
    <TAG> ifNotExists = QuiverIfNotExists() name = CompoundIdentifier()
    [
        LOOKAHEAD(2) <ALLOWED_VALUES> value = StringLiteral() { allowed.add(value); }
        ( LOOKAHEAD(2) <COMMA> value = StringLiteral() { allowed.add(value); } )*
    ]
    options = QuiverOptionalProperties()
    {
        return new SqlCreateTag(s.end(this), replace, ifNotExists, name,
            new SqlNodeList(allowed, s.pos()), options);
    }
}

SqlDrop SqlDropDatabase(Span s, boolean replace) :
{
    final boolean ifExists;
    final SqlIdentifier name;
}
{
    <DATABASE> ifExists = QuiverIfExists() name = CompoundIdentifier()
    { return new SqlDropDatabase(s.end(this), ifExists, name); }
}

SqlDrop SqlDropSchemaStatement(Span s, boolean replace) :
{
    final boolean ifExists;
    final SqlIdentifier name;
}
{
    <SCHEMA> ifExists = QuiverIfExists() name = CompoundIdentifier()
    { return SqlDdlNodes.dropSchema(s.end(this), false, ifExists, name); }
}

SqlDrop SqlDropTableStatement(Span s, boolean replace) :
{
    final boolean ifExists;
    final SqlIdentifier name;
}
{
    <TABLE> ifExists = QuiverIfExists() name = CompoundIdentifier()
    { return SqlDdlNodes.dropTable(s.end(this), ifExists, name); }
}

SqlDrop SqlDropModel(Span s, boolean replace) :
{
    final boolean ifExists;
    final SqlIdentifier name;
}
{
    <MODEL> ifExists = QuiverIfExists() name = CompoundIdentifier()
    { return new SqlDropModel(s.end(this), ifExists, name); }
}

SqlDrop SqlDropTag(Span s, boolean replace) :
{
    final boolean ifExists;
    final SqlIdentifier name;
}
{
    <TAG> ifExists = QuiverIfExists() name = CompoundIdentifier()
    { return new SqlDropTag(s.end(this), ifExists, name); }
}

/** {@code tag = 'value' [, tag = 'value']*}. */
SqlNodeList QuiverTagAssignments() :
{
    final Span s = span();
    final List<SqlNode> list = new ArrayList<SqlNode>();
    SqlIdentifier tag;
    SqlNode value;
}
{
    tag = CompoundIdentifier() <EQ> value = StringLiteral()
    { list.add(new SqlProperty(tag.getParserPosition(), tag, value)); }
    (
        <COMMA> tag = CompoundIdentifier() <EQ> value = StringLiteral()
        { list.add(new SqlProperty(tag.getParserPosition(), tag, value)); }
    )*
    { return new SqlNodeList(list, s.end(this)); }
}

SqlNodeList QuiverCompoundNameList() :
{
    final Span s = span();
    final List<SqlNode> list = new ArrayList<SqlNode>();
    SqlIdentifier name;
}
{
    name = CompoundIdentifier() { list.add(name); }
    ( <COMMA> name = CompoundIdentifier() { list.add(name); } )*
    { return new SqlNodeList(list, s.end(this)); }
}

/** ALTER MODEL [IF EXISTS] name action. */
SqlNode SqlAlterModel() :
{
    final Span s;
    final boolean ifExists;
    final SqlIdentifier name;
    SqlIdentifier version = null;
    SqlIdentifier target = null;
    SqlNodeList list = null;
    ModelSource source = null;
    final SqlAlterModel.Action action;
}
{
    <ALTER> { s = span(); } <MODEL> ifExists = QuiverIfExists() name = CompoundIdentifier()
    (
        <SET>
        (
            LOOKAHEAD(1) <TAG> list = QuiverTagAssignments()
            { action = SqlAlterModel.Action.SET_TAGS; }
        |
            list = QuiverPropertyList() { action = SqlAlterModel.Action.SET_PROPERTIES; }
        )
    |
        <UNSET>
        (
            LOOKAHEAD(1) <TAG> list = QuiverCompoundNameList()
            { action = SqlAlterModel.Action.UNSET_TAGS; }
        |
            list = QuiverNameList() { action = SqlAlterModel.Action.UNSET_PROPERTIES; }
        )
    |
        <RENAME> <TO> target = CompoundIdentifier() { action = SqlAlterModel.Action.RENAME; }
    |
        <ADD> <VERSION> version = SimpleIdentifier() source = QuiverModelSource()
        list = QuiverOptionalProperties() { action = SqlAlterModel.Action.ADD_VERSION; }
    |
        <DROP> <VERSION> version = QuiverVersionName() { action = SqlAlterModel.Action.DROP_VERSION; }
    |
        <VERSION> version = QuiverVersionName()
        (
            <SET> <ALIAS> <EQ> target = SimpleIdentifier()
            { action = SqlAlterModel.Action.SET_ALIAS; }
        |
            <UNSET> <ALIAS> { action = SqlAlterModel.Action.UNSET_ALIAS; }
        )
    |
        <MODIFY> <VERSION> version = QuiverVersionName()
        (
            <SET> list = QuiverPropertyList()
            { action = SqlAlterModel.Action.MODIFY_VERSION_SET; }
        |
            <UNSET> list = QuiverNameList()
            { action = SqlAlterModel.Action.MODIFY_VERSION_UNSET; }
        )
    )
    {
        return new SqlAlterModel(s.end(this), ifExists, name, action, version, target, list,
            source);
    }
}

/** COMMENT ON MODEL name IS 'text'. */
SqlNode SqlCommentOnModel() :
{
    final Span s;
    final SqlIdentifier name;
    final SqlNode comment;
}
{
    <COMMENT> { s = span(); } <ON> <MODEL> name = CompoundIdentifier()
    <IS> comment = StringLiteral()
    { return new SqlCommentOnModel(s.end(this), name, comment); }
}

/** One string literal; Calcite's StringLiteral() would join 'a' 'b' into one. */
SqlNode QuiverStringLiteral() :
{
    final String text;
}
{
    text = SimpleStringLiteral() { return SqlLiteral.createCharString(text, getPos()); }
}

/** LIST 'snow://model/name/versions/v/'. */
SqlNode SqlListArtifacts() :
{
    final Span s;
    final SqlNode location;
}
{
    <LIST> { s = span(); } location = StringLiteral()
    { return SqlArtifactCommand.list(s.end(this), location); }
}

/** GET 'snow://model/name/versions/v/file' 'file:///directory/'. */
SqlNode SqlGetArtifact() :
{
    final Span s;
    final SqlNode location;
    final SqlNode target;
}
{
    <GET> { s = span(); } location = QuiverStringLiteral() target = QuiverStringLiteral()
    { return SqlArtifactCommand.get(s.end(this), location, target); }
}

/** MODEL(name [, version]), the target of a method call. */
SqlNode ModelReference() :
{
    final Span s;
    final SqlIdentifier model;
    SqlIdentifier version = null;
}
{
    <MODEL> { s = span(); } <LPAREN> model = CompoundIdentifier()
    [ <COMMA> version = QuiverVersionName() ]
    <RPAREN>
    { return new SqlModelReference(s.end(this), model, version); }
}

/**
 * {@code !method(arguments)} after a model name or MODEL(...) reference: replaces the operand
 * just parsed with a call of the model's method.
 */
void ModelMethodCall(List<Object> list, ExprContext exprContext, Span s) :
{
    final Span callSpan;
    final SqlIdentifier method;
    final List<SqlNode> arguments = new ArrayList<SqlNode>();
    SqlNode call;
    SqlIdentifier field;
}
{
    <BANG> { callSpan = span(); }
    method = SimpleIdentifier()
    <LPAREN>
    [
        AddArg0(arguments, ExprContext.ACCEPT_SUB_QUERY)
        ( <COMMA> AddArg(arguments, ExprContext.ACCEPT_SUB_QUERY) )*
    ]
    <RPAREN>
    {
        final Object target = list.remove(list.size() - 1);
        call = ModelCalls.call(target, method, arguments, callSpan.end(this));
    }
    (
        LOOKAHEAD(2) <COLON> field = SimpleIdentifier()
        { call = ModelCalls.output(call, field); }
    )*
    { list.add(call); }
}

/**
 * What TABLE(...) in a FROM clause calls: a model's method, {@code TABLE(m!predict(a, b))}, whose
 * outputs become the columns of a table, or a table function, as in Calcite's grammar.
 */
SqlNode QuiverTableFunctionOperand(SqlFunctionCategory funcType) :
{
    SqlNode call;
}
{
    (
        LOOKAHEAD(ModelCallStart())
        call = Expression(ExprContext.ACCEPT_NON_QUERY)
        { call = ModelCalls.tableCall(call); }
    |
        call = NamedRoutineCall(funcType, ExprContext.ACCEPT_CURSOR)
    )
    { return call; }
}

/** The tokens a model method call starts with: {@code name!} or {@code MODEL(}. */
void ModelCallStart() :
{
}
{
    LOOKAHEAD(2) <MODEL> <LPAREN>
|
    CompoundIdentifier() <BANG>
}

/** {@code expression::type}, Snowflake's cast. */
void InfixCast(List<Object> list, ExprContext exprContext, Span s) :
{
    final SqlDataTypeSpec type;
}
{
    <DOUBLE_COLON> type = DataType()
    {
        final SqlNode operand = (SqlNode) list.remove(list.size() - 1);
        list.add(SqlStdOperatorTable.CAST.createCall(s.end(this), operand, type));
    }
}

/** A model alias of a WITH clause: {@code alias AS MODEL name [VERSION v]}. */
void QuiverWithItem(List<SqlNode> queries, Map<String, SqlModelReference> models) :
{
    final SqlIdentifier alias;
    final SqlIdentifier model;
    SqlIdentifier version = null;
    final List<SqlWithItem> items = new ArrayList<SqlWithItem>();
}
{
    (
        LOOKAHEAD(3)
        alias = SimpleIdentifier() <AS> <MODEL> model = CompoundIdentifier()
        [ LOOKAHEAD(2) <VERSION> version = QuiverVersionName() ]
        {
            models.put(alias.getSimple(),
                new SqlModelReference(alias.getParserPosition(), model, version));
        }
    |
        AddWithItem(items, SqlLiteral.createBoolean(false, getPos()))
        { queries.addAll(items); }
    )
}

/**
 * WITH alias AS MODEL name [VERSION v] [, other items] query: model aliases are resolved
 * here, so the query that follows sees plain model calls.
 */
SqlNode SqlWithModel() :
{
    final Span s;
    final List<SqlNode> queries = new ArrayList<SqlNode>();
    final Map<String, SqlModelReference> models = new LinkedHashMap<String, SqlModelReference>();
    final SqlNode body;
}
{
    <WITH> { s = span(); }
    QuiverWithItem(queries, models)
    ( <COMMA> QuiverWithItem(queries, models) )*
    body = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY)
    { return ModelCalls.withModels(s.end(this), queries, models, body); }
}

/** DATABASE, SCHEMA, TABLE or MODEL: the kind of object a privilege is about. */
ObjectKind QuiverObjectKind() :
{
}
{
    <DATABASE> { return ObjectKind.DATABASE; }
|
    <SCHEMA> { return ObjectKind.SCHEMA; }
|
    <TABLE> { return ObjectKind.TABLE; }
|
    <MODEL> { return ObjectKind.MODEL; }
}

/** After SHOW GRANTS: TO {ROLE | USER} name, OF ROLE name, or ON kind name. */
SqlNode QuiverShowGrants(Span s) :
{
    final SqlShowGrants.Form form;
    ObjectKind kind = null;
    final SqlIdentifier name;
}
{
    (
        <TO>
        (
            <ROLE> { form = SqlShowGrants.Form.TO_ROLE; }
        |
            <USER> { form = SqlShowGrants.Form.TO_USER; }
        )
        name = SimpleIdentifier()
    |
        <OF> <ROLE> { form = SqlShowGrants.Form.OF_ROLE; } name = SimpleIdentifier()
    |
        <ON> kind = QuiverObjectKind() { form = SqlShowGrants.Form.ON_OBJECT; }
        name = CompoundIdentifier()
    )
    { return new SqlShowGrants(s.end(this), form, kind, name); }
}

/** CREATE [OR REPLACE] USER [IF NOT EXISTS] name PASSWORD = '...' [DEFAULT_ROLE = role]. */
SqlCreate SqlCreateUser(Span s, boolean replace) :
{
    final boolean ifNotExists;
    final SqlIdentifier name;
    final SqlNodeList properties;
}
{
    <USER> ifNotExists = QuiverIfNotExists() name = SimpleIdentifier()
    properties = QuiverOptionalProperties()
    { return new SqlCreateUser(s.end(this), replace, ifNotExists, name, properties); }
}

/** ALTER USER [IF EXISTS] name {SET name = value [, ...] | UNSET name [, ...]}. */
SqlNode SqlAlterUser() :
{
    final Span s;
    final boolean ifExists;
    final SqlIdentifier name;
    final boolean unset;
    final SqlNodeList list;
}
{
    <ALTER> { s = span(); } <USER> ifExists = QuiverIfExists() name = SimpleIdentifier()
    (
        <SET> list = QuiverPropertyList() { unset = false; }
    |
        <UNSET> list = QuiverNameList() { unset = true; }
    )
    { return new SqlAlterUser(s.end(this), ifExists, name, unset, list); }
}

SqlDrop SqlDropUser(Span s, boolean replace) :
{
    final boolean ifExists;
    final SqlIdentifier name;
}
{
    <USER> ifExists = QuiverIfExists() name = SimpleIdentifier()
    { return new SqlDropUser(s.end(this), ifExists, name); }
}

/** CREATE [OR REPLACE] ROLE [IF NOT EXISTS] name [COMMENT = '...']. */
SqlCreate SqlCreateRole(Span s, boolean replace) :
{
    final boolean ifNotExists;
    final SqlIdentifier name;
    final SqlNodeList options;
}
{
    <ROLE> ifNotExists = QuiverIfNotExists() name = SimpleIdentifier()
    options = QuiverOptionalProperties()
    { return new SqlCreateRole(s.end(this), replace, ifNotExists, name, options); }
}

SqlDrop SqlDropRole(Span s, boolean replace) :
{
    final boolean ifExists;
    final SqlIdentifier name;
}
{
    <ROLE> ifExists = QuiverIfExists() name = SimpleIdentifier()
    { return new SqlDropRole(s.end(this), ifExists, name); }
}

/** The grantee of GRANT ROLE or REVOKE ROLE: USER name or ROLE name; true for a user. */
boolean QuiverGranteeIsUser() :
{
}
{
    <USER> { return true; }
|
    <ROLE> { return false; }
}

/**
 * A privilege as Snowflake writes it: SELECT, INSERT, UPDATE, DELETE, CREATE MODEL, CREATE TABLE,
 * CREATE SCHEMA, ALL [PRIVILEGES], or a name such as USAGE, READ or OWNERSHIP.
 */
void QuiverPrivilege(List<String> privileges) :
{
    final SqlIdentifier name;
}
{
    (
        <SELECT> { privileges.add("SELECT"); }
    |
        <INSERT> { privileges.add("INSERT"); }
    |
        <UPDATE> { privileges.add("UPDATE"); }
    |
        <DELETE> { privileges.add("DELETE"); }
    |
        <CREATE>
        (
            <MODEL> { privileges.add("CREATE MODEL"); }
        |
            <TABLE> { privileges.add("CREATE TABLE"); }
        |
            <SCHEMA> { privileges.add("CREATE SCHEMA"); }
        )
    |
        <ALL> [ <PRIVILEGES> ] { privileges.add("ALL"); }
    |
        name = SimpleIdentifier()
        { privileges.add(name.getSimple().toUpperCase(Locale.ROOT)); }
    )
}

List<String> QuiverPrivilegeList() :
{
    final List<String> privileges = new ArrayList<String>();
}
{
    QuiverPrivilege(privileges) ( <COMMA> QuiverPrivilege(privileges) )*
    { return privileges; }
}

/** ON kind name, or ON {ALL | FUTURE} {MODELS | TABLES} IN SCHEMA name. */
GrantTarget QuiverGrantTarget() :
{
    ObjectKind kind;
    GrantTarget.Scope scope = GrantTarget.Scope.OBJECT;
    final SqlIdentifier name;
}
{
    <ON>
    (
        kind = QuiverObjectKind() name = CompoundIdentifier()
    |
        (
            <ALL> { scope = GrantTarget.Scope.ALL_IN_SCHEMA; }
        |
            <FUTURE> { scope = GrantTarget.Scope.FUTURE_IN_SCHEMA; }
        )
        (
            <MODELS> { kind = ObjectKind.MODEL; }
        |
            <TABLES> { kind = ObjectKind.TABLE; }
        )
        <IN> <SCHEMA> name = CompoundIdentifier()
    )
    { return new GrantTarget(kind, scope, name); }
}

/** GRANT ROLE r TO {USER u | ROLE r2}, or GRANT privileges ON target TO ROLE r. */
SqlNode SqlGrant() :
{
    final Span s;
    final SqlIdentifier role;
    final boolean toUser;
    final SqlIdentifier grantee;
    final List<String> privileges;
    final GrantTarget target;
}
{
    <GRANT> { s = span(); }
    (
        LOOKAHEAD(2) <ROLE> role = SimpleIdentifier()
        <TO> toUser = QuiverGranteeIsUser() grantee = SimpleIdentifier()
        { return new SqlGrantRole(s.end(this), false, role, toUser, grantee); }
    |
        privileges = QuiverPrivilegeList() target = QuiverGrantTarget()
        <TO> <ROLE> role = SimpleIdentifier()
        { return new SqlGrantPrivileges(s.end(this), false, privileges, target, role); }
    )
}

/** REVOKE ROLE r FROM {USER u | ROLE r2}, or REVOKE privileges ON target FROM ROLE r. */
SqlNode SqlRevoke() :
{
    final Span s;
    final SqlIdentifier role;
    final boolean fromUser;
    final SqlIdentifier grantee;
    final List<String> privileges;
    final GrantTarget target;
}
{
    <REVOKE> { s = span(); }
    (
        LOOKAHEAD(2) <ROLE> role = SimpleIdentifier()
        <FROM> fromUser = QuiverGranteeIsUser() grantee = SimpleIdentifier()
        { return new SqlGrantRole(s.end(this), true, role, fromUser, grantee); }
    |
        privileges = QuiverPrivilegeList() target = QuiverGrantTarget()
        <FROM> <ROLE> role = SimpleIdentifier()
        { return new SqlGrantPrivileges(s.end(this), true, privileges, target, role); }
    )
}

/** CURRENT_USER() and CURRENT_ROLE(), Snowflake's spelling of the context functions. */
SqlNode QuiverContextFunction() :
{
    final Span s;
    final SqlOperator operator;
}
{
    (
        <CURRENT_USER> { operator = SqlStdOperatorTable.CURRENT_USER; }
    |
        <CURRENT_ROLE> { operator = SqlStdOperatorTable.CURRENT_ROLE; }
    )
    { s = span(); }
    <LPAREN> <RPAREN>
    { return operator.createCall(s.end(this)); }
}
