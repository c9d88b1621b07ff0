<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>StationPanel</name>
    <message>
        <source>Offline: this workstation keeps %1 days of readings; older ones are on the platform and show here once it is reachable.</source>
        <translation>离线：本机只保存 %1 天的监测数据，更早的数据在平台上，连上平台后会显示在这里。</translation>
    </message>
    <message>
        <source>Older than %1 days: asking the platform…</source>
        <translation>%1 天以前的数据：正在向平台获取…</translation>
    </message>
    <message>
        <source>Older than %1 days: from the platform, one point per pixel's lowest and highest.</source>
        <translation>%1 天以前的数据：来自平台，按图宽每个像素取最低值和最高值。</translation>
    </message>
    </context>
<context>
    <name>UnitCard</name>
    <message>
        <source>%1 (%2 min ago)</source>
        <translation>%1（%2 分钟前）</translation>
    </message>
    <message>
        <source>%1 km/h</source>
        <translation>%1 公里/小时</translation>
    </message>
    <message>
        <source>Callsign</source>
        <translation>呼号</translation>
    </message>
    <message>
        <source>CoT (TAK)</source>
        <translation>CoT（TAK）</translation>
    </message>
    <message>
        <source>Dispatched to</source>
        <translation>出动至</translation>
    </message>
    <message>
        <source>Field unit</source>
        <translation>外勤单元</translation>
    </message>
    <message>
        <source>Heading</source>
        <translation>航向</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Last report</source>
        <translation>最后上报</translation>
    </message>
    <message>
        <source>No recent position: the marker is grey</source>
        <translation>位置已过时：图标显示为灰色</translation>
    </message>
    <message>
        <source>Not on an order.</source>
        <translation>当前没有执行调度指令。</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>调度指令</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Reported by</source>
        <translation>上报方式</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>phoned in to the watch room</source>
        <translation>电话报给值班室</translation>
    </message>
    <message>
        <source>the unit's own device</source>
        <translation>单元自身终端</translation>
    </message>
    </context>
</TS>
