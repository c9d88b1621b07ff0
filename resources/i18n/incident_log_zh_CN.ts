<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DetailPane</name>
    <message>
        <location filename="../../views/incident_log/detail_pane.py" line="48" />
        <source>Select an incident to see its details.</source>
        <translation>在左侧列表中选择一起事件查看详情。</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/detail_pane.py" line="113" />
        <source>No report due</source>
        <translation>当前无报送时限</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/detail_pane.py" line="117" />
        <source>%1 %2 — overdue by %3</source>
        <translation>%1 %2 — 已超时 %3</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/detail_pane.py" line="120" />
        <source>%1 %2 — %3 left</source>
        <translation>%1 %2 — 剩余 %3</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/detail_pane.py" line="152" />
        <location filename="../../views/incident_log/detail_pane.py" line="189" />
        <source>Pending sync</source>
        <translation>待同步</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/detail_pane.py" line="154" />
        <source>Saved here; not yet confirmed by the platform</source>
        <translation>已保存在本机，平台尚未确认</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/detail_pane.py" line="171" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/detail_pane.py" line="171" />
        <source>Casualties</source>
        <translation>伤亡</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/detail_pane.py" line="172" />
        <source>Occurred</source>
        <translation>事发时间</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/detail_pane.py" line="172" />
        <source>Reported</source>
        <translation>接报时间</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/detail_pane.py" line="173" />
        <source>Place</source>
        <translation>事发地点</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/detail_pane.py" line="173" />
        <source>Coordinates</source>
        <translation>坐标</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/detail_pane.py" line="174" />
        <source>Reporter</source>
        <translation>报告人</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/detail_pane.py" line="189" />
        <source>No entries yet.</source>
        <translation>暂无记录。</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/detail_pane.py" line="230" />
        <source>%1 dead</source>
        <translation>死亡 %1 人</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/detail_pane.py" line="231" />
        <source>%1 injured</source>
        <translation>受伤 %1 人</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/detail_pane.py" line="232" />
        <source>%1 missing</source>
        <translation>失联 %1 人</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/detail_pane.py" line="233" />
        <source>%1 trapped</source>
        <translation>被困 %1 人</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/detail_pane.py" line="236" />
        <source>None reported</source>
        <translation>暂无伤亡报告</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/detail_pane.py" line="268" />
        <source>Casualties: %1</source>
        <translation>伤亡：%1</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/detail_pane.py" line="241" />
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/detail_pane.py" line="247" />
        <source>Status: %1 → %2</source>
        <translation>状态：%1 → %2</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/detail_pane.py" line="255" />
        <source>Incident logged.</source>
        <translation>事件已登记。</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/detail_pane.py" line="235" />
        <location filename="../../views/incident_log/detail_pane.py" line="257" />
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/detail_pane.py" line="258" />
        <source>Changed: %1</source>
        <translation>已修改：%1</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../views/incident_log/filter_bar.py" line="50" />
        <source>Search code, title, place, reports… (Ctrl+F)</source>
        <translation>搜索事件编号、标题、地点、报告内容…（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/filter_bar.py" line="57" />
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/filter_bar.py" line="58" />
        <source>Open</source>
        <translation>未结束</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/filter_bar.py" line="61" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/filter_bar.py" line="65" />
        <source>All severities</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/filter_bar.py" line="67" />
        <source>I–III (relatively major and above)</source>
        <translation>较大及以上（I–III级）</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/filter_bar.py" line="72" />
        <source>Severity</source>
        <translation>事件等级</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/filter_bar.py" line="76" />
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/filter_bar.py" line="79" />
        <source>Category</source>
        <translation>事件类别</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/filter_bar.py" line="83" />
        <source>Incl. exercises</source>
        <translation>含演练</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/filter_bar.py" line="84" />
        <source>Hide exercises</source>
        <translation>不含演练</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/filter_bar.py" line="85" />
        <source>Exercises only</source>
        <translation>仅演练</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/filter_bar.py" line="87" />
        <source>Exercises</source>
        <translation>演练</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/filter_bar.py" line="90" />
        <source>Reported</source>
        <translation>接报日期</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/filter_bar.py" line="91" />
        <source>Only incidents reported between these dates</source>
        <translation>只显示在这两个日期之间接报的事件</translation>
    </message>
</context>
<context>
    <name>IncidentList</name>
    <message>
        <location filename="../../views/incident_log/list_model.py" line="68" />
        <source>No report due</source>
        <translation>当前无报送时限</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/list_model.py" line="70" />
        <source>%1 by %2</source>
        <translation>%1：%2 前</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/list_model.py" line="79" />
        <source>%1 dead</source>
        <translation>亡%1</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/list_model.py" line="80" />
        <source>%1 injured</source>
        <translation>伤%1</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/list_model.py" line="81" />
        <source>%1 missing</source>
        <translation>失联%1</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/list_model.py" line="82" />
        <source>%1 trapped</source>
        <translation>困%1</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/list_model.py" line="89" />
        <source>Deaths %1, injured %2, missing %3, trapped %4</source>
        <translation>死亡 %1，受伤 %2，失联 %3，被困 %4</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/list_model.py" line="102" />
        <source>pending sync</source>
        <translation>待同步</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/list_model.py" line="117" />
        <source>Code</source>
        <translation>事件编号</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/list_model.py" line="126" />
        <source>Severity</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/list_model.py" line="135" />
        <source>Title</source>
        <translation>事件标题</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/list_model.py" line="141" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/list_model.py" line="149" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/list_model.py" line="157" />
        <source>Place</source>
        <translation>事发地点</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/list_model.py" line="163" />
        <source>Occurred</source>
        <translation>事发时间</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/list_model.py" line="168" />
        <source>Reported</source>
        <translation>接报时间</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/list_model.py" line="173" />
        <source>Casualties</source>
        <translation>伤亡</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/list_model.py" line="181" />
        <source>Report due</source>
        <translation>报送时限</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/list_model.py" line="188" />
        <source>Time left until the next report (initial or follow-up) is due</source>
        <translation>距下一次报送（首报或续报）截止的剩余时间</translation>
    </message>
</context>
<context>
    <name>IncidentLogView</name>
    <message>
        <location filename="../../views/incident_log/view.py" line="264" />
        <source>Could not read the incident list: %1</source>
        <translation>无法读取事件列表：%1</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/view.py" line="359" />
        <source>%1 incidents</source>
        <translation>共 %1 起</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/view.py" line="363" />
        <source> · search results for “%1”</source>
        <translation> · “%1”的搜索结果</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/view.py" line="367" />
        <source> · filtered</source>
        <translation> · 已筛选</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/view.py" line="392" />
        <source>Initial report…</source>
        <translation>首报…</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/view.py" line="392" />
        <location filename="../../views/incident_log/view.py" line="446" />
        <source>Follow-up report…</source>
        <translation>续报…</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/view.py" line="423" />
        <source>Incident log</source>
        <translation>值班日志</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/view.py" line="424" />
        <source>This function is not available in this installation.</source>
        <translation>本安装中没有此功能，请联系系统管理员。</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/view.py" line="445" />
        <source>Call intake…</source>
        <translation>来电登记…</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/view.py" line="447" />
        <source>Final report…</source>
        <translation>终报…</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/view.py" line="448" />
        <source>Change status…</source>
        <translation>状态变更…</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/view.py" line="449" />
        <source>Export PDF…</source>
        <translation>导出PDF…</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/view.py" line="450" />
        <source>Add note…</source>
        <translation>备注…</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/view.py" line="451" />
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/view.py" line="1" />
        <source>No incident matches the filter or the search. Esc in the search box clears it.</source>
        <translation>没有符合筛选条件或搜索内容的事件。在搜索框中按 Esc 可清除搜索。</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/view.py" line="1" />
        <source>No incidents yet: press F2 (Call intake…) to log the first call.</source>
        <translation>还没有事件：按 F2（来电登记…）登记第一起接报。</translation>
    </message>
</context>
</TS>