<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DraftDialog</name>
    <message>
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Area and time</source>
        <translation>区域与时间</translation>
    </message>
    <message>
        <source>CAP</source>
        <translation>CAP</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Certainty</source>
        <translation>确定性</translation>
    </message>
    <message>
        <source>Circle around a place</source>
        <translation>以地点为圆心</translation>
    </message>
    <message>
        <source>Codes</source>
        <translation>区划代码</translation>
    </message>
    <message>
        <source>Ctrl+Enter saves the draft; it is submitted for approval from its card.</source>
        <translation>Ctrl+Enter 保存草稿；在预警详情中提交审核。</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Division codes (GB/T 2260)</source>
        <translation>行政区划代码（GB/T 2260）</translation>
    </message>
    <message>
        <source>Draft a warning</source>
        <translation>起草预警</translation>
    </message>
    <message>
        <source>Edit the warning draft</source>
        <translation>修改预警草稿</translation>
    </message>
    <message>
        <source>English texts (a second &lt;info&gt; in the CAP file)</source>
        <translation>英文文本（CAP 文件中的第二个 &lt;info&gt;）</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件类型</translation>
    </message>
    <message>
        <source>Give at least one division code.</source>
        <translation>请至少填写一个区划代码。</translation>
    </message>
    <message>
        <source>Headline</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>生效时间</translation>
    </message>
    <message>
        <source>Instruction</source>
        <translation>防御指南</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>纬度</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>经度</translation>
    </message>
    <message>
        <source>Radius</source>
        <translation>半径</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>保存草稿</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>The area in words, e.g. 渝中区</source>
        <translation>区域文字描述，如 渝中区</translation>
    </message>
    <message>
        <source>The centre needs a latitude and a longitude in decimal degrees.</source>
        <translation>圆心需要十进制度数的纬度和经度。</translation>
    </message>
    <message>
        <source>The warning cannot be stored: %1</source>
        <translation>预警无法保存：%1</translation>
    </message>
    <message>
        <source>This warning was submitted meanwhile: only a draft can be edited.</source>
        <translation>该预警已被提交，只有草稿可以修改。</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>Warnings issued here need the centre's region and agency codes: set region_code (6 digits, GB/T 2260) and agency_code in the [warnings] table of the config.</source>
        <translation>本中心发布的预警需要行政区划代码和机构代码：请在配置文件的 [warnings] 中设置 region_code（6 位，GB/T 2260）和 agency_code。</translation>
    </message>
    <message>
        <source>e.g. 500103 500105, separated by spaces</source>
        <translation>如 500103 500105，以空格分隔</translation>
    </message>
    <message>
        <source>e.g. 暴雨, 山洪, 地质灾害</source>
        <translation>如 暴雨、山洪、地质灾害</translation>
    </message>
    <message>
        <source>e.g. 渝中区气象台发布暴雨黄色预警</source>
        <translation>如 渝中区气象台发布暴雨黄色预警</translation>
    </message>
    <message>
        <source>until</source>
        <translation>至</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Warnings</source>
        <translation>预警信息</translation>
    </message>
</context>
<context>
    <name>WarningActions</name>
    <message>
        <source>The warning is no longer a draft (changed at another workstation?).</source>
        <translation>该预警已不是草稿（可能已在其他席位处理）。</translation>
    </message>
    <message>
        <source>The warning has moved on meanwhile (at another workstation?); the list now shows where it stands.</source>
        <translation>该预警的状态已经改变（可能已在其他席位处理），列表已显示其当前状态。</translation>
    </message>
    <message>
        <source>Only a commander issues or returns warnings.</source>
        <translation>只有指挥长可以签发或退回预警。</translation>
    </message>
    <message>
        <source>An issued warning cannot be changed; issue an update instead.</source>
        <translation>已签发的预警不能修改，请发布更新预警。</translation>
    </message>
    <message>
        <source>A draft is returned with a reason.</source>
        <translation>退回草稿须填写原因。</translation>
    </message>
    <message>
        <source>Cancelled by %1</source>
        <translation>已被解除：%1</translation>
    </message>
    <message>
        <source>Cancels %1</source>
        <translation>解除：%1</translation>
    </message>
    <message>
        <source>Export CAP</source>
        <translation>导出 CAP</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message>
        <source>Import CAP</source>
        <translation>导入 CAP</translation>
    </message>
    <message>
        <source>Issue &quot;%1&quot; now? It is then published as the centre's warning.</source>
        <translation>现在签发“%1”？签发后即作为本中心的预警发布。</translation>
    </message>
    <message>
        <source>Issue the warning</source>
        <translation>签发预警</translation>
    </message>
    <message>
        <source>Link to an incident</source>
        <translation>关联事件</translation>
    </message>
    <message>
        <source>Refers to %1, a message not known here</source>
        <translation>引用 %1，本机没有该消息</translation>
    </message>
    <message>
        <source>Return the draft</source>
        <translation>退回草稿</translation>
    </message>
    <message>
        <source>Select the incident in the incident log first, then link it here.</source>
        <translation>请先在事件列表中选中事件，再在此关联。</translation>
    </message>
    <message>
        <source>The CAP checker is not available in this build.</source>
        <translation>此版本没有 CAP 校验功能。</translation>
    </message>
    <message>
        <source>The warning could not be exported: %1</source>
        <translation>预警无法导出：%1</translation>
    </message>
    <message>
        <source>Updated by %1</source>
        <translation>已被更新：%1</translation>
    </message>
    <message>
        <source>Updates %1</source>
        <translation>更新：%1</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>预警信息</translation>
    </message>
    <message>
        <source>Why is it returned? (the drafter reads this)</source>
        <translation>退回原因（起草人会看到）：</translation>
    </message>
</context>
<context>
    <name>WarningCard</name>
    <message>
        <source>%1 circle(s)</source>
        <translation>%1 个圆</translation>
    </message>
    <message>
        <source>%1 polygon(s)</source>
        <translation>%1 个多边形</translation>
    </message>
    <message>
        <source>(no description)</source>
        <translation>（无描述）</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Cameras (%1)</source>
        <translation>视频监控（%1）</translation>
    </message>
    <message>
        <source>Certainty</source>
        <translation>确定性</translation>
    </message>
    <message>
        <source>Chain</source>
        <translation>关联消息</translation>
    </message>
    <message>
        <source>Choose a warning in the list, or click its area on the map, to see its card here.</source>
        <translation>在列表中选择预警，或在一张图上点击预警区域，在此查看详情。</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Edit draft…</source>
        <translation>修改草稿…</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件类型</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>失效时间</translation>
    </message>
    <message>
        <source>Export CAP…</source>
        <translation>导出 CAP…</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>标识</translation>
    </message>
    <message>
        <source>Incidents (%1)</source>
        <translation>事件（%1）</translation>
    </message>
    <message>
        <source>Inside the area</source>
        <translation>区域内</translation>
    </message>
    <message>
        <source>Instruction</source>
        <translation>防御指南</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>签发</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Link to an incident…</source>
        <translation>关联事件…</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>New incident from this (Ctrl+I)</source>
        <translation>由此新建事件（Ctrl+I）</translation>
    </message>
    <message>
        <source>No warning selected</source>
        <translation>未选择预警</translation>
    </message>
    <message>
        <source>Noted at import</source>
        <translation>导入时的建议</translation>
    </message>
    <message>
        <source>Nothing known lies inside the area.</source>
        <translation>区域内没有已知的事件、资源、避难场所或监控。</translation>
    </message>
    <message>
        <source>Onset</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Reading what lies inside the area…</source>
        <translation>正在查询区域内的对象…</translation>
    </message>
    <message>
        <source>Resources (%1)</source>
        <translation>应急资源（%1）</translation>
    </message>
    <message>
        <source>Return with a reason…</source>
        <translation>退回（填写原因）…</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>发布单位</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>发布时间</translation>
    </message>
    <message>
        <source>Severity (CAP)</source>
        <translation>严重程度（CAP）</translation>
    </message>
    <message>
        <source>Shelters (%1)</source>
        <translation>避难场所（%1）</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>Signature INVALID (claimed by %1)</source>
        <translation>签名无效（声称来自 %1）</translation>
    </message>
    <message>
        <source>Signed by %1 (signature valid)</source>
        <translation>由 %1 签名（签名有效）</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>文件或来源</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Submit for approval</source>
        <translation>提交审核</translation>
    </message>
    <message>
        <source>The full card is in the warnings panel (Ctrl+Shift+W).</source>
        <translation>完整详情见预警信息面板（Ctrl+Shift+W）。</translation>
    </message>
    <message>
        <source>Unsigned</source>
        <translation>未签名</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>What lies inside could not be read.</source>
        <translation>无法读取区域内的对象。</translation>
    </message>
    <message>
        <source>an unnamed certificate</source>
        <translation>未具名证书</translation>
    </message>
    <message>
        <source>division codes %1</source>
        <translation>区划代码 %1</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>…… 另有 %1 个</translation>
    </message>
</context>
<context>
    <name>WarningCountsTile</name>
    <message>
        <source>No warning in force</source>
        <translation>当前无生效预警</translation>
    </message>
    <message>
        <source>Red %1 · orange %2 · yellow %3 · blue %4</source>
        <translation>红 %1 · 橙 %2 · 黄 %3 · 蓝 %4</translation>
    </message>
    <message>
        <source>Warnings could not be read</source>
        <translation>无法读取预警</translation>
    </message>
    <message>
        <source>Warnings in force</source>
        <translation>生效预警</translation>
    </message>
    <message>
        <source>Warnings in force: %1</source>
        <translation>生效预警：%1</translation>
    </message>
</context>
<context>
    <name>WarningDraft</name>
    <message>
        <source>%1 contains a control character; remove it.</source>
        <translation>%1 含有控制字符，请删除。</translation>
    </message>
    <message>
        <source>%1 is longer than %2 characters.</source>
        <translation>%1 超过 %2 个字符。</translation>
    </message>
    <message>
        <source>A headline is needed: it is what people read first.</source>
        <translation>请填写标题：这是公众最先看到的内容。</translation>
    </message>
    <message>
        <source>At most %1 division codes.</source>
        <translation>最多 %1 个区划代码。</translation>
    </message>
    <message>
        <source>Choose the warning level colour.</source>
        <translation>请选择预警级别颜色。</translation>
    </message>
    <message>
        <source>Describe the area in words (e.g. 渝中区、江北区).</source>
        <translation>请用文字描述区域（如 渝中区、江北区）。</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Division codes have 6 digits (GB/T 2260), not: %1</source>
        <translation>区划代码为 6 位数字（GB/T 2260），以下不符合：%1</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件类型</translation>
    </message>
    <message>
        <source>Give the area: a circle around a place, or division codes.</source>
        <translation>请填写区域：以地点为圆心的范围，或区划代码。</translation>
    </message>
    <message>
        <source>Headline</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Instruction</source>
        <translation>防御指南</translation>
    </message>
    <message>
        <source>Say what the warning is about (the event, e.g. 暴雨).</source>
        <translation>请填写预警事件类型（如 暴雨）。</translation>
    </message>
    <message>
        <source>The English texts need at least a headline (or untick English).</source>
        <translation>英文文本至少需要标题（或取消勾选英文）。</translation>
    </message>
    <message>
        <source>The centre is not a position on Earth.</source>
        <translation>圆心不是有效的地理位置。</translation>
    </message>
    <message>
        <source>The radius must be more than 0 and at most %1 km.</source>
        <translation>半径须大于 0 且不超过 %1 公里。</translation>
    </message>
    <message>
        <source>The warning must expire after it starts.</source>
        <translation>失效时间须晚于开始时间。</translation>
    </message>
</context>
<context>
    <name>WarningImportDialog</name>
    <message>
        <source>CAP 1.2 (*.xml *.cap *.atom *.rss);;All files (*)</source>
        <translation>CAP 1.2 (*.xml *.cap *.atom *.rss);;所有文件 (*)</translation>
    </message>
    <message>
        <source>CAP file</source>
        <translation>CAP 文件</translation>
    </message>
    <message>
        <source>Checking the file…</source>
        <translation>正在校验文件…</translation>
    </message>
    <message>
        <source>Choose a file first.</source>
        <translation>请先选择文件。</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Import CAP warnings</source>
        <translation>导入 CAP 预警</translation>
    </message>
    <message>
        <source>Imported: %1 new, %2 repeated (nothing added), %3 replaced by updates, %4 cancelled.</source>
        <translation>已导入：新增 %1 条，重复 %2 条（未重复添加），被更新替代 %3 条，解除 %4 条。</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>未导入任何内容：%1</translation>
    </message>
    <message>
        <source>Nothing was imported: %1 errors, %2 recommendations. Correct the file and import it again.</source>
        <translation>未导入任何内容：%1 个错误，%2 条建议。请修正文件后重新导入。</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Recommendation</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>Saving %1 warnings…</source>
        <translation>正在保存 %1 条预警…</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>the file cannot be read</source>
        <translation>无法读取该文件</translation>
    </message>
    <message>
        <source>the file is larger than 20 MB</source>
        <translation>文件超过 20 MB</translation>
    </message>
</context>
<context>
    <name>WarningLabels</name>
    <message>
        <source>Alert</source>
        <translation>首发</translation>
    </message>
    <message>
        <source>Awaiting approval</source>
        <translation>待审核</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>蓝</translation>
    </message>
    <message>
        <source>Blue warning</source>
        <translation>蓝色预警</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>解除</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已解除</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>预期</translation>
    </message>
    <message>
        <source>Extreme</source>
        <translation>特别严重</translation>
    </message>
    <message>
        <source>Future</source>
        <translation>将来</translation>
    </message>
    <message>
        <source>Immediate</source>
        <translation>立即</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>生效中</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>已签发</translation>
    </message>
    <message>
        <source>Issued here</source>
        <translation>本中心发布</translation>
    </message>
    <message>
        <source>Likely</source>
        <translation>很可能</translation>
    </message>
    <message>
        <source>Minor</source>
        <translation>轻微</translation>
    </message>
    <message>
        <source>Moderate</source>
        <translation>中等</translation>
    </message>
    <message>
        <source>No colour</source>
        <translation>无颜色</translation>
    </message>
    <message>
        <source>Observed</source>
        <translation>已观测</translation>
    </message>
    <message>
        <source>Orange</source>
        <translation>橙</translation>
    </message>
    <message>
        <source>Orange warning</source>
        <translation>橙色预警</translation>
    </message>
    <message>
        <source>Past</source>
        <translation>已过去</translation>
    </message>
    <message>
        <source>Possible</source>
        <translation>可能</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已接收</translation>
    </message>
    <message>
        <source>Received from outside</source>
        <translation>外部接收</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>红</translation>
    </message>
    <message>
        <source>Red warning</source>
        <translation>红色预警</translation>
    </message>
    <message>
        <source>Severe</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>Superseded by an update</source>
        <translation>已被更新替代</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Unlikely</source>
        <translation>不太可能</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>黄</translation>
    </message>
    <message>
        <source>Yellow warning</source>
        <translation>黄色预警</translation>
    </message>
</context>
<context>
    <name>WarningMap</name>
    <message>
        <source>%1 (by division code, not drawn): %2</source>
        <translation>%1（按区划代码，未绘制）：%2</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Show expired, superseded and cancelled warnings</source>
        <translation>显示已过期、已更新和已解除的预警</translation>
    </message>
    <message>
        <source>Warnings (red %1 · orange %2 · yellow %3 · blue %4)</source>
        <translation>预警（红 %1 · 橙 %2 · 黄 %3 · 蓝 %4）</translation>
    </message>
</context>
<context>
    <name>WarningPrompt</name>
    <message>
        <source>%1 · in force until %2 · area: %3</source>
        <translation>%1 · 有效至 %2 · 区域：%3</translation>
    </message>
    <message>
        <source>Acknowledge and open the card</source>
        <translation>知悉并查看详情</translation>
    </message>
    <message>
        <source>Acknowledged (Enter)</source>
        <translation>已知悉（Enter）</translation>
    </message>
    <message>
        <source>New warning</source>
        <translation>新预警</translation>
    </message>
</context>
<context>
    <name>WarningsPanel</name>
    <message>
        <source>%1 shown of %2</source>
        <translation>显示 %1 / 共 %2</translation>
    </message>
    <message>
        <source>All, expired and drafts too</source>
        <translation>全部（含过期和草稿）</translation>
    </message>
    <message>
        <source>Any origin</source>
        <translation>全部来源</translation>
    </message>
    <message>
        <source>Awaiting approval</source>
        <translation>待审核</translation>
    </message>
    <message>
        <source>CAP 1.2 files: one alert, or an Atom/RSS feed of alerts (Ctrl+O)</source>
        <translation>CAP 1.2 文件：单条预警，或 Atom/RSS 预警订阅（Ctrl+O）</translation>
    </message>
    <message>
        <source>Draft a warning…</source>
        <translation>起草预警…</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Every level</source>
        <translation>全部级别</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>失效时间</translation>
    </message>
    <message>
        <source>From scratch, or from the incident selected in the log (Insert)</source>
        <translation>新起草，或由事件列表中选中的事件起草（Insert）</translation>
    </message>
    <message>
        <source>Headline</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Import CAP…</source>
        <translation>导入 CAP…</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>生效中</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>No warning matches these filters. Choose &quot;All&quot; to see expired ones and drafts.</source>
        <translation>没有符合筛选条件的预警。选择“全部”可查看过期预警和草稿。</translation>
    </message>
    <message>
        <source>No warnings yet. Import a CAP file (Ctrl+O), let the platform's feeds bring them, or draft one (Insert).</source>
        <translation>暂无预警。可导入 CAP 文件（Ctrl+O）、等待平台订阅推送，或起草预警（Insert）。</translation>
    </message>
    <message>
        <source>Nothing awaits approval.</source>
        <translation>没有待审核的预警。</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Warnings could not be read: %1</source>
        <translation>无法读取预警：%1</translation>
    </message>
</context>
<context>
    <name>WarningFeedLight</name>
    <message>
        <source>Warning feeds: all %1 working</source>
        <translation>预警信息源：%1 个均正常</translation>
    </message>
    <message>
        <source>Warning feeds: %1 of %2 failing</source>
        <translation>预警信息源：%2 个中 %1 个中断（平台自动重试）</translation>
    </message>
    <message>
        <source>%1: %2 (failed %3 times in a row; last success %4)</source>
        <translation>%1：%2（已连续失败 %3 次；最近成功 %4）</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
</context>
</TS>
