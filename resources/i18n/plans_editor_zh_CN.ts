<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Knowledge</name>
    <message>
        <source>%1 · %2 · effective %3</source>
        <translation>%1 · %2 · %3 起施行</translation>
    </message>
    <message>
        <source>E&amp;dit regulation…</source>
        <translation>编辑法规(&amp;D)…</translation>
    </message>
    <message>
        <source>(in the title)</source>
        <translation>（标题中）</translation>
    </message>
    <message>
        <source>(no text)</source>
        <translation>（无正文）</translation>
    </message>
    <message>
        <source>Attached to: %1</source>
        <translation>关联预案：%1</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>New &amp;regulation…</source>
        <translation>新建法规(&amp;R)…</translation>
    </message>
    <message>
        <source>No plan or regulation mentions “%1”.</source>
        <translation>没有预案或法规提到“%1”。</translation>
    </message>
    <message>
        <source>Not yet sent to the platform</source>
        <translation>尚未发送到平台</translation>
    </message>
    <message>
        <source>Open a regulation from the knowledge search or from a plan's attached regulations.</source>
        <translation>从知识检索或预案的相关法规中打开一部法规。</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>预案</translation>
    </message>
    <message>
        <source>Regulation</source>
        <translation>法规</translation>
    </message>
    <message>
        <source>Search plans and regulations (one character works: 涝)</source>
        <translation>检索预案和法规（一个字也可以：涝）</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Type a word to search the texts of every plan and regulation this workstation holds (offline too).</source>
        <translation>输入关键词，检索本席位保存的全部预案和法规正文（离线也可用）。</translation>
    </message>
    <message>
        <source>Where it matches</source>
        <translation>命中位置</translation>
    </message>
</context>
<context>
    <name>PlanEditor</name>
    <message>
        <source> The file was longer than allowed: the end was cut.</source>
        <translation> 文件超过允许的长度，末尾已截去。</translation>
    </message>
    <message>
        <source>%1 (whole category)</source>
        <translation>%1（整个类别）</translation>
    </message>
    <message>
        <source>%1 problem(s) to fix before saving:</source>
        <translation>保存前需修正 %1 个问题：</translation>
    </message>
    <message>
        <source>&amp;Attached to plans</source>
        <translation>关联预案(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Document number</source>
        <translation>文号(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Effective date</source>
        <translation>施行日期(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Full text</source>
        <translation>全文(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Issuer</source>
        <translation>发布单位(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Issuing body</source>
        <translation>制定机关(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Load from file (DOCX/PDF/TXT)…</source>
        <translation>从文件载入（DOCX/PDF/TXT）(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Structure (levels, command, checklist as TOML)</source>
        <translation>结构（响应级别、指挥体系、处置流程，TOML）(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>标题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Version</source>
        <translation>版本(&amp;V)</translation>
    </message>
    <message>
        <source>Applies &amp;to</source>
        <translation>适用范围(&amp;O)</translation>
    </message>
    <message>
        <source>Applies to</source>
        <translation>适用范围</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Discard the changes you made?</source>
        <translation>放弃所做的修改吗？</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>文号</translation>
    </message>
    <message>
        <source>Documents (*.docx *.pdf *.txt)</source>
        <translation>文档 (*.docx *.pdf *.txt)</translation>
    </message>
    <message>
        <source>Edit plan</source>
        <translation>编辑预案</translation>
    </message>
    <message>
        <source>Edit regulation</source>
        <translation>编辑法规</translation>
    </message>
    <message>
        <source>Effective date</source>
        <translation>施行日期</translation>
    </message>
    <message>
        <source>Full text</source>
        <translation>全文</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>发布单位</translation>
    </message>
    <message>
        <source>Issuing body</source>
        <translation>制定机关</translation>
    </message>
    <message>
        <source>Loaded %1 characters.</source>
        <translation>已载入 %1 个字符。</translation>
    </message>
    <message>
        <source>New plan</source>
        <translation>新建预案</translation>
    </message>
    <message>
        <source>New regulation</source>
        <translation>新建法规</translation>
    </message>
    <message>
        <source>No problems: ready to save.</source>
        <translation>没有问题，可以保存。</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <source>S&amp;tatus</source>
        <translation>状态(&amp;U)</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>保存 (Ctrl+S)</translation>
    </message>
    <message>
        <source>Structure</source>
        <translation>结构</translation>
    </message>
    <message>
        <source>T&amp;ype</source>
        <translation>类型(&amp;Y)</translation>
    </message>
    <message>
        <source>The full text</source>
        <translation>全文</translation>
    </message>
    <message>
        <source>The text was not changed: %1</source>
        <translation>正文未改变：%1</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Type or paste the full text, or load it from a file.</source>
        <translation>输入或粘贴全文，或从文件载入。</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>YYYY-MM-DD, empty if unknown</source>
        <translation>YYYY-MM-DD，未知可留空</translation>
    </message>
    <message>
        <source>[[levels]] with conditions, [command] with [[command.groups]], [[checklist]] steps (README, 预案与处置)</source>
        <translation>[[levels]] 响应级别及条件，[command] 与 [[command.groups]] 指挥体系，[[checklist]] 处置步骤（见 README“预案与处置”）</translation>
    </message>
    <message>
        <source>e.g. 2026.2</source>
        <translation>如 2026.2</translation>
    </message>
    <message>
        <source>e.g. 渝府令〔2026〕1号</source>
        <translation>如 渝府令〔2026〕1号</translation>
    </message>
</context>
<context>
    <name>PlanImport</name>
    <message>
        <source>holds a control character</source>
        <translation>含有控制字符</translation>
    </message>
    <message>
        <source>is not a record id</source>
        <translation>不是有效的记录编号</translation>
    </message>
    <message>
        <source>is not a structured part (levels, command, checklist); set it in the form</source>
        <translation>不属于结构部分（levels、command、checklist），请在表单中填写</translation>
    </message>
    <message>
        <source>is not valid TOML</source>
        <translation>不是有效的 TOML</translation>
    </message>
    <message>
        <source>is too long (at most %1 characters)</source>
        <translation>过长（最多 %1 个字符）</translation>
    </message>
    <message>
        <source>must be a date such as 2026-05-01, or empty</source>
        <translation>应为日期，如 2026-05-01，或留空</translation>
    </message>
    <message>
        <source>must be text</source>
        <translation>应为文本</translation>
    </message>
    <message>
        <source>unknown action (notify, order)</source>
        <translation>未知的动作（notify 通知、order 调度指令）</translation>
    </message>
    <message>
        <source>unknown order target (team, resource, person, group)</source>
        <translation>未知的指令对象（team、resource、person、group）</translation>
    </message>
    <message>
        <source>unknown priority (urgent, high, normal)</source>
        <translation>未知的优先级（urgent、high、normal）</translation>
    </message>
</context>
<context>
    <name>Plans</name>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Knowledge search</source>
        <translation>知识检索(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;New plan…</source>
        <translation>新建预案(&amp;N)…</translation>
    </message>
    <message>
        <source>Attached regulations</source>
        <translation>相关法规</translation>
    </message>
    <message>
        <source>Enter or double-click opens its text</source>
        <translation>回车或双击打开正文</translation>
    </message>
    <message>
        <source>No regulations attached</source>
        <translation>未关联法规</translation>
    </message>
    <message>
        <source>Only an administrator creates and edits plans and regulations; this account reads them.</source>
        <translation>只有管理员可以新建和编辑预案与法规；本账号只能查阅。</translation>
    </message>
    <message>
        <source>Re&amp;gulation</source>
        <translation>法规(&amp;G)</translation>
    </message>
    <message>
        <source>Word, PDF or text (*.docx *.pdf *.txt)</source>
        <translation>Word、PDF 或文本 (*.docx *.pdf *.txt)</translation>
    </message>
</context>
</TS>
