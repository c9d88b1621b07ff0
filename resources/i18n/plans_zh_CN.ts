<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>DashboardView</name>
    <message>
        <source>Incidents under a plan response</source>
        <translation>预案响应中的事件</translation>
    </message>
    <message>
        <source>I %1 · II %2 · III %3 · IV %4</source>
        <translation>I 级 %1 · II 级 %2 · III 级 %3 · IV 级 %4</translation>
    </message>
    </context>
<context>
    <name>DetailPane</name>
    <message>
        <source>Level %1 response</source>
        <translation>%1 级响应</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>响应决定</translation>
    </message>
    <message>
        <source>The response level decided from a plan; not the incident's severity</source>
        <translation>依据预案决定的响应级别，不是事件等级</translation>
    </message>
    </context>
<context>
    <name>IncidentList</name>
    <message>
        <source>Response</source>
        <translation>响应</translation>
    </message>
    <message>
        <source>Level %1</source>
        <translation>%1级</translation>
    </message>
    <message>
        <source>A level %1 response is under way (the plan's level, not the severity)</source>
        <translation>正在 %1 级响应（预案响应级别，不是事件等级）</translation>
    </message>
    <message>
        <source>No response under way</source>
        <translation>未启动响应</translation>
    </message>
    <message>
        <source>The plan response under way (预案响应级别)</source>
        <translation>正在进行的预案响应（预案响应级别）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Plans</source>
        <translation>预案</translation>
    </message>
</context>
<context>
    <name>PlanImport</name>
    <message>
        <source>Import plans</source>
        <translation>导入预案</translation>
    </message>
    <message>
        <source>Plan file (TOML or JSON)</source>
        <translation>预案文件（TOML 或 JSON）</translation>
    </message>
    <message>
        <source>Plan files (*.toml *.json)</source>
        <translation>预案文件 (*.toml *.json)</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>预案</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Each [[plan]] needs id, title, plan_type, status and the types or categories it applies to; see the README (预案与处置) for levels, command and checklist.</source>
        <translation>每个 [[plan]] 须有 id、title、plan_type、status 及适用的事件类型或类别；响应级别、指挥机构和处置流程的写法见 README（预案与处置）。</translation>
    </message>
    <message>
        <source>The file is larger than 5 MB.</source>
        <translation>文件超过 5 MB。</translation>
    </message>
    <message>
        <source>The file is not UTF-8 text.</source>
        <translation>文件不是 UTF-8 文本。</translation>
    </message>
    <message>
        <source>The file is not valid TOML or JSON.</source>
        <translation>文件不是有效的 TOML 或 JSON。</translation>
    </message>
    <message>
        <source>The file holds no list named plan ([[plan]]).</source>
        <translation>文件中没有名为 plan 的列表（[[plan]]）。</translation>
    </message>
    <message>
        <source>The file holds no plans.</source>
        <translation>文件中没有预案。</translation>
    </message>
    <message>
        <source>The file holds more than 500 plans.</source>
        <translation>文件中的预案超过 500 个。</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>is not a field of a plan</source>
        <translation>不是预案的字段</translation>
    </message>
    <message>
        <source>must be a table (object)</source>
        <translation>应为表（对象）</translation>
    </message>
    <message>
        <source>must be a list</source>
        <translation>应为列表</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>应为 true 或 false</translation>
    </message>
    <message>
        <source>is repeated</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>unknown plan type (overall, special, department, onsite)</source>
        <translation>未知的预案类型（overall 总体、special 专项、department 部门、onsite 现场处置方案）</translation>
    </message>
    <message>
        <source>unknown status (draft, published, abolished)</source>
        <translation>未知的状态（draft 草案、published 已发布、abolished 已废止）</translation>
    </message>
    <message>
        <source>unknown incident category</source>
        <translation>未知的事件类别</translation>
    </message>
    <message>
        <source>unknown incident type</source>
        <translation>未知的事件类型</translation>
    </message>
    <message>
        <source>the plan names no incident type or category it applies to</source>
        <translation>预案未写明适用的事件类型或类别</translation>
    </message>
    <message>
        <source>must be I, II, III or IV</source>
        <translation>应为 I、II、III 或 IV</translation>
    </message>
    <message>
        <source>too many entries</source>
        <translation>条目过多</translation>
    </message>
    <message>
        <source>a condition cannot name this (deaths, injured, missing, trapped, severity, type, category)</source>
        <translation>条件不能使用此项（可用：deaths 死亡、injured 受伤、missing 失踪、trapped 被困、severity 事件等级、type 类型、category 类别）</translation>
    </message>
    <message>
        <source>unknown comparison</source>
        <translation>未知的比较符</translation>
    </message>
    <message>
        <source>must be a whole number from 0</source>
        <translation>应为不小于 0 的整数</translation>
    </message>
    <message>
        <source>must be a severity: I, II, III or IV</source>
        <translation>应为事件等级：I、II、III 或 IV</translation>
    </message>
    <message>
        <source>must be a code or a list of codes</source>
        <translation>应为代码或代码列表</translation>
    </message>
    <message>
        <source>a condition must be a table</source>
        <translation>条件应为表</translation>
    </message>
    <message>
        <source>a condition is either a comparison or one all/any group</source>
        <translation>条件只能是一个比较，或一个 all/any 组</translation>
    </message>
    <message>
        <source>unknown key in a condition</source>
        <translation>条件中有未知的键</translation>
    </message>
    <message>
        <source>an all/any group needs conditions</source>
        <translation>all/any 组中须有条件</translation>
    </message>
    <message>
        <source>conditions nested too deep</source>
        <translation>条件嵌套过深</translation>
    </message>
    <message>
        <source>too many conditions in one level</source>
        <translation>一个级别的条件过多</translation>
    </message>
    <message>
        <source>must be a list of contact ids</source>
        <translation>应为通讯录联系人 id 列表</translation>
    </message>
    <message>
        <source>unknown phase (initial, activation, operations, closing)</source>
        <translation>未知的阶段（initial 先期处置、activation 响应启动、operations 应急处置、closing 响应结束）</translation>
    </message>
    <message>
        <source>no working group with this id</source>
        <translation>没有此 id 的工作组</translation>
    </message>
    <message>
        <source>must be whole minutes from 0 to 43200</source>
        <translation>应为 0 到 43200 的整数分钟</translation>
    </message>
    <message>
        <source>no step with this id</source>
        <translation>没有此 id 的步骤</translation>
    </message>
    <message>
        <source>a sub-step must be in its parent's phase</source>
        <translation>子步骤须与上级步骤在同一阶段</translation>
    </message>
    <message>
        <source>sub-steps form a circle</source>
        <translation>子步骤循环引用</translation>
    </message>
    <message>
        <source>sub-steps nested deeper than 4</source>
        <translation>子步骤嵌套超过 4 层</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>无法读取该文件。</translation>
    </message>
    <message>
        <source>The file is larger than 20 MB, or needs more memory to read than an import may use.</source>
        <translation>文件超过 20 MB，或读取所需内存超过导入的限额。</translation>
    </message>
    <message>
        <source>The file is not a Word document (.docx).</source>
        <translation>该文件不是 Word 文档（.docx）。</translation>
    </message>
    <message>
        <source>The document unpacks to far more than a document holds (a zip bomb), so it was not opened.</source>
        <translation>该文档解压后远大于正常文档（压缩炸弹），未打开。</translation>
    </message>
    <message>
        <source>The document declares a DTD or entities; such files are refused for safety.</source>
        <translation>该文档声明了 DTD 或实体，出于安全考虑拒绝导入。</translation>
    </message>
    <message>
        <source>The file is not a PDF.</source>
        <translation>该文件不是 PDF。</translation>
    </message>
    <message>
        <source>The PDF is damaged or cannot be read.</source>
        <translation>PDF 已损坏或无法读取。</translation>
    </message>
    <message>
        <source>The file holds no text (a scanned PDF needs text recognition first).</source>
        <translation>文件中没有文字（扫描版 PDF 需先做文字识别）。</translation>
    </message>
    <message>
        <source>Only .docx and .pdf files are read.</source>
        <translation>只能读取 .docx 和 .pdf 文件。</translation>
    </message>
    <message>
        <source>Reading the file took longer than allowed, so it was stopped.</source>
        <translation>读取文件超过允许的时间，已停止。</translation>
    </message>
    <message>
        <source>The file cannot be read (%1).</source>
        <translation>无法读取该文件（%1）。</translation>
    </message>
</context>
<context>
    <name>Plans</name>
    <message>
        <source>within %1 min</source>
        <translation>%1 分钟内</translation>
    </message>
    <message>
        <source>within %1 h %2 min</source>
        <translation>%1 小时 %2 分钟内</translation>
    </message>
    <message>
        <source>within %1 h</source>
        <translation>%1 小时内</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>部分</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Import &amp;text (DOCX/PDF/TXT)…</source>
        <translation>导入正文(&amp;T)（DOCX/PDF/TXT）…</translation>
    </message>
    <message>
        <source>Replace this plan's text with a Word document's or a PDF's (an administrator's edit)</source>
        <translation>用 Word 文档或 PDF 的文字替换此预案的正文（管理员的修改）</translation>
    </message>
    <message>
        <source>Choose a plan in the list to read it here.</source>
        <translation>在左侧列表中选择一个预案，在此查看全文。</translation>
    </message>
    <message>
        <source> (example)</source>
        <translation>（示例）</translation>
    </message>
    <message>
        <source>%1 · %2 · version %3 · %4</source>
        <translation>%1 · %2 · 版本 %3 · %4</translation>
    </message>
    <message>
        <source>Applies to: %1</source>
        <translation>适用：%1</translation>
    </message>
    <message>
        <source>Not yet sent to the platform</source>
        <translation>尚未发送到平台</translation>
    </message>
    <message>
        <source>(no text)</source>
        <translation>（无正文）</translation>
    </message>
    <message>
        <source>Response levels</source>
        <translation>响应级别</translation>
    </message>
    <message>
        <source>No levels defined</source>
        <translation>未定义响应级别</translation>
    </message>
    <message>
        <source>Command structure</source>
        <translation>组织指挥体系</translation>
    </message>
    <message>
        <source>Headquarters</source>
        <translation>指挥部</translation>
    </message>
    <message>
        <source>Commander</source>
        <translation>总指挥</translation>
    </message>
    <message>
        <source>Lead: %1</source>
        <translation>牵头单位：%1</translation>
    </message>
    <message>
        <source> (%1 contacts)</source>
        <translation>（%1 位联系人）</translation>
    </message>
    <message>
        <source>Checklist template</source>
        <translation>处置流程模板</translation>
    </message>
    <message>
        <source>No steps defined</source>
        <translation>未定义处置步骤</translation>
    </message>
    <message>
        <source>Search titles and texts (Ctrl+F; one character works: 涝)</source>
        <translation>搜索标题和正文（Ctrl+F；单字也可：涝）</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>&amp;Import plans…</source>
        <translation>导入预案(&amp;I)…</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>&amp;Plan</source>
        <translation>预案详情(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Matching plans</source>
        <translation>匹配预案(&amp;M)</translation>
    </message>
    <message>
        <source>%1 (not yet sent)</source>
        <translation>%1（未发送）</translation>
    </message>
    <message>
        <source>No plan matches these filters.</source>
        <translation>没有符合筛选条件的预案。</translation>
    </message>
    <message>
        <source>The plan library is empty. An administrator imports plans with “Import plans…” above (a TOML or JSON plan file); they reach every workstation from the platform.</source>
        <translation>预案库为空。管理员可用上方“导入预案…”导入预案文件（TOML 或 JSON），预案经平台同步到各工作站。</translation>
    </message>
    <message>
        <source>Plans</source>
        <translation>预案</translation>
    </message>
    <message>
        <source>Only an administrator imports and edits plans; this account reads them.</source>
        <translation>只有管理员可以导入和修改预案；此账号只能查阅。</translation>
    </message>
    <message>
        <source>The plan's text</source>
        <translation>预案正文</translation>
    </message>
    <message>
        <source>Word or PDF (*.docx *.pdf)</source>
        <translation>Word 或 PDF (*.docx *.pdf)</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <source>Nothing was changed: %1</source>
        <translation>未作任何修改：%1</translation>
    </message>
    <message>
        <source>The text was replaced (%1 characters).</source>
        <translation>正文已替换（%1 字）。</translation>
    </message>
    <message>
        <source> The file was longer than a plan's text may be: the end was cut.</source>
        <translation>文件超过预案正文的长度上限，末尾已截去。</translation>
    </message>
    <message>
        <source>Not decided</source>
        <translation>未能决定</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>预案</translation>
    </message>
    <message>
        <source>Proposed level</source>
        <translation>建议响应级别</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>&amp;Start response…</source>
        <translation>启动响应(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Adjust level…</source>
        <translation>调整级别(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;End response…</source>
        <translation>结束响应(&amp;E)…</translation>
    </message>
    <message>
        <source>Select an incident in the incident log: the plans that apply to it are proposed here, with the response level and why.</source>
        <translation>在事件接报中选择一起事件：此处列出适用的预案、建议的响应级别及依据。</translation>
    </message>
    <message>
        <source>Incident: %1</source>
        <translation>事件：%1</translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation>（%1）</translation>
    </message>
    <message>
        <source>No published plan applies to this incident's type or category. An administrator can import plans in the plan library.</source>
        <translation>没有适用于该事件类型或类别的已发布预案。管理员可在预案库中导入预案。</translation>
    </message>
    <message>
        <source>No response started for this incident.</source>
        <translation>该事件尚未启动响应。</translation>
    </message>
    <message>
        <source>Under a %1 (%2)</source>
        <translation>正在 %1（%2）</translation>
    </message>
    <message>
        <source>The %1 has ended (%2)</source>
        <translation>%1已结束（%2）</translation>
    </message>
    <message>
        <source>Overall plan</source>
        <translation>总体应急预案</translation>
    </message>
    <message>
        <source>Special plan</source>
        <translation>专项应急预案</translation>
    </message>
    <message>
        <source>Department plan</source>
        <translation>部门应急预案</translation>
    </message>
    <message>
        <source>On-site procedure</source>
        <translation>现场处置方案</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草案</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>已发布</translation>
    </message>
    <message>
        <source>Abolished</source>
        <translation>已废止</translation>
    </message>
    <message>
        <source>Initial measures</source>
        <translation>先期处置</translation>
    </message>
    <message>
        <source>Response start</source>
        <translation>响应启动</translation>
    </message>
    <message>
        <source>Emergency operations</source>
        <translation>应急处置</translation>
    </message>
    <message>
        <source>Response end</source>
        <translation>响应结束</translation>
    </message>
    <message>
        <source>No level yet</source>
        <translation>未达响应条件</translation>
    </message>
    <message>
        <source>Level %1 response</source>
        <translation>%1 级响应</translation>
    </message>
    <message>
        <source>deaths</source>
        <translation>死亡</translation>
    </message>
    <message>
        <source>injured</source>
        <translation>受伤</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>失踪</translation>
    </message>
    <message>
        <source>trapped</source>
        <translation>被困</translation>
    </message>
    <message>
        <source>severity</source>
        <translation>事件等级</translation>
    </message>
    <message>
        <source>type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source> and </source>
        <translation> 且 </translation>
    </message>
    <message>
        <source> or </source>
        <translation> 或 </translation>
    </message>
    <message>
        <source>severity %1 or graver</source>
        <translation>事件等级 %1 及以上</translation>
    </message>
    <message>
        <source>severity graver than %1</source>
        <translation>事件等级高于 %1</translation>
    </message>
    <message>
        <source>severity %1 or lighter</source>
        <translation>事件等级 %1 及以下</translation>
    </message>
    <message>
        <source>severity lighter than %1</source>
        <translation>事件等级低于 %1</translation>
    </message>
    <message>
        <source>severity %1</source>
        <translation>事件等级 %1</translation>
    </message>
    <message>
        <source>severity other than %1</source>
        <translation>事件等级不是 %1</translation>
    </message>
    <message>
        <source>%1 is one of %2</source>
        <translation>%1为 %2 之一</translation>
    </message>
    <message>
        <source>%1 dead</source>
        <translation>死亡 %1 人</translation>
    </message>
    <message>
        <source>%1 injured</source>
        <translation>受伤 %1 人</translation>
    </message>
    <message>
        <source>%1 missing</source>
        <translation>失踪 %1 人</translation>
    </message>
    <message>
        <source>%1 trapped</source>
        <translation>被困 %1 人</translation>
    </message>
    <message>
        <source>type %1</source>
        <translation>类型为%1</translation>
    </message>
    <message>
        <source>category %1</source>
        <translation>类别为%1</translation>
    </message>
    <message>
        <source>The plan applies to this incident; no response level's conditions are met yet</source>
        <translation>预案适用于该事件，尚未达到任何响应级别的条件</translation>
    </message>
    <message>
        <source>%1, meeting the conditions of a level %2 response</source>
        <translation>%1，达到 %2 级响应条件</translation>
    </message>
    <message>
        <source>A response is already under way for this incident.</source>
        <translation>该事件已在响应中。</translation>
    </message>
    <message>
        <source>The response to this incident has ended; an ended response stays ended.</source>
        <translation>该事件的响应已结束；已结束的响应不能再变更。</translation>
    </message>
    <message>
        <source>No response is under way for this incident.</source>
        <translation>该事件没有正在进行的响应。</translation>
    </message>
    <message>
        <source>Raising must go to a graver level.</source>
        <translation>提升级别须提到更高的级别。</translation>
    </message>
    <message>
        <source>Lowering must go to a lighter level.</source>
        <translation>降低级别须降到更低的级别。</translation>
    </message>
    <message>
        <source>Choose a level from I to IV.</source>
        <translation>请选择 I 到 IV 级。</translation>
    </message>
    <message>
        <source>Start a response</source>
        <translation>启动响应</translation>
    </message>
    <message>
        <source>End the response</source>
        <translation>结束响应</translation>
    </message>
    <message>
        <source>Adjust the response level</source>
        <translation>调整响应级别</translation>
    </message>
    <message>
        <source>Plan:</source>
        <translation>预案：</translation>
    </message>
    <message>
        <source>&amp;Level:</source>
        <translation>级别(&amp;L)：</translation>
    </message>
    <message>
        <source>Why (kept on the incident's timeline)</source>
        <translation>理由（记入事件时间线）</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>理由(&amp;R)：</translation>
    </message>
    <message>
        <source>Give the reason for the decision.</source>
        <translation>请填写决定的理由。</translation>
    </message>
</context>
</TS>