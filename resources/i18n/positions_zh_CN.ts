<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>UnitsLayer</name>
    <message>
        <source>%1 (no recent position)</source>
        <translation>%1（位置已过时）</translation>
    </message>
    </context>
<context>
    <name>MapPanel</name>
    <message>
        <source>Field units (%1, %2 without a recent position)</source>
        <translation>实时位置（%1 个单元，%2 个位置已过时）</translation>
    </message>
    </context>
<context>
    <name>NearestList</name>
    <message>
        <source>%1 km</source>
        <translation>%1 公里</translation>
    </message>
    <message>
        <source>%1 km (live)</source>
        <translation>%1 公里（实时）</translation>
    </message>
    <message>
        <source>From the team's live position, not its base</source>
        <translation>按队伍的实时位置计算，而不是驻地</translation>
    </message>
    </context>
<context>
    <name>IssueOrderDialog</name>
    <message>
        <source>%1 — %2 km (live position)</source>
        <translation>%1 — %2 公里（实时位置）</translation>
    </message>
    </context>
</TS>
