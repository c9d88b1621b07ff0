<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>Cases</name>
    <message>
        <source>%1 km away</source>
        <translation>相距 %1 km</translation>
    </message>
    <message>
        <source>same type</source>
        <translation>同类型</translation>
    </message>
    <message>
        <source>same category</source>
        <translation>同类别</translation>
    </message>
    <message>
        <source>same severity</source>
        <translation>同等级</translation>
    </message>
    <message>
        <source>severity one grade apart</source>
        <translation>等级相近</translation>
    </message>
    <message>
        <source>similar title</source>
        <translation>标题相近</translation>
    </message>
    <message>
        <source>similar reports</source>
        <translation>报告相近</translation>
    </message>
    <message>
        <source>duration unknown</source>
        <translation>历时不详</translation>
    </message>
    <message>
        <source>took %1 d %2 h</source>
        <translation>历时 %1 天 %2 小时</translation>
    </message>
    <message>
        <source>took %1 h %2 min</source>
        <translation>历时 %1 小时 %2 分</translation>
    </message>
    <message>
        <source>took %1 min</source>
        <translation>历时 %1 分</translation>
    </message>
    <message>
        <source>no casualties</source>
        <translation>无人员伤亡</translation>
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
        <source>%1 has no final report.</source>
        <translation>%1 没有终报。</translation>
    </message>
    <message>
        <source>Final report of %1 (%2)</source>
        <translation>%1 终报（%2）</translation>
    </message>
</context>
<context>
    <name>CasesView</name>
    <message>
        <source>Search closed incidents (Ctrl+K), e.g. 火 or 槽罐车</source>
        <translation>搜索已结束事件（Ctrl+K），如：火、槽罐车</translation>
    </message>
    <message>
        <source>The newest %1 closed incidents that hold “%2”</source>
        <translation>含“%2”的已结束事件（最新 %1 起）</translation>
    </message>
    <message>
        <source>Select an incident in the log: the closed incidents most like it are listed here, with how they ended and their final reports. Or search all closed incidents above (Ctrl+K).</source>
        <translation>在事件列表中选择一起事件，这里列出与它最相似的已结束事件（案例），以及处置结果和终报。也可在上方搜索全部已结束事件（Ctrl+K）。</translation>
    </message>
    <message>
        <source>Looking for cases…</source>
        <translation>正在查找案例…</translation>
    </message>
    <message>
        <source>No closed incident holds “%1”.</source>
        <translation>没有含“%1”的已结束事件。</translation>
    </message>
    <message>
        <source>No closed incident is like this one yet.</source>
        <translation>暂无与这起事件相似的已结束事件。</translation>
    </message>
    <message>
        <source>%1 closed incidents hold “%2”</source>
        <translation>含“%2”的已结束事件 %1 起</translation>
    </message>
    <message>
        <source>%1 most similar closed incidents</source>
        <translation>最相似的已结束事件 %1 起</translation>
    </message>
    <message>
        <source>This incident is no longer in this workstation's records.</source>
        <translation>本工作站的记录中已没有这起事件。</translation>
    </message>
    <message>
        <source>Cases could not be read: %1</source>
        <translation>无法读取案例：%1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Similar cases</source>
        <translation>相似案例</translation>
    </message>
</context>
</TS>