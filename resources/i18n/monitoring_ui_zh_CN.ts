<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AlarmPanel</name>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/alarm_panel.py" line="62" />
        <source>Alarms raised per hour (last 24 h)</source>
        <translation>每小时告警数（近 24 小时）</translation>
    </message>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/alarm_panel.py" line="64" />
        <source>Open alarms only</source>
        <translation>只看未关闭告警</translation>
    </message>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/alarm_panel.py" line="77" />
        <source>Note for the step (optional): what was done, why it is false</source>
        <translation>处置说明（可选）：做了什么，为何是误报</translation>
    </message>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/alarm_panel.py" line="79" />
        <source>Acknowledge (Enter)</source>
        <translation>确认（Enter）</translation>
    </message>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/alarm_panel.py" line="80" />
        <source>Handled (Ctrl+D)</source>
        <translation>已处置（Ctrl+D）</translation>
    </message>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/alarm_panel.py" line="81" />
        <source>False alarm (Ctrl+Shift+F)</source>
        <translation>误报（Ctrl+Shift+F）</translation>
    </message>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/alarm_panel.py" line="82" />
        <source>Turn into incident (Ctrl+E)</source>
        <translation>转为事件（Ctrl+E）</translation>
    </message>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/alarm_panel.py" line="137" />
        <source>Alarms could not be read: %1</source>
        <translation>无法读取告警：%1</translation>
    </message>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/alarm_panel.py" line="144" />
        <source>open</source>
        <translation>未关闭</translation>
    </message>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/alarm_panel.py" line="157" />
        <source>No open alarms.</source>
        <translation>没有未关闭的告警。</translation>
    </message>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/alarm_panel.py" line="157" />
        <source>No alarms.</source>
        <translation>没有告警。</translation>
    </message>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/alarm_panel.py" line="159" />
        <source>%1 alarms listed.</source>
        <translation>共列出 %1 条告警。</translation>
    </message>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/alarm_panel.py" line="206" />
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/alarm_panel.py" line="213" />
        <source>The alarm has already moved on (at this or another workstation); nothing was changed.</source>
        <translation>该告警已被处理（在本席位或其他席位），未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/alarm_panel.py" line="216" />
        <location filename="../../work/wt-monitoring-ui/views/monitoring/alarm_panel.py" line="248" />
        <source>Alarm</source>
        <translation>告警</translation>
    </message>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/alarm_panel.py" line="248" />
        <source>The incident is logged, but the alarm had already been closed (at this or another workstation): it is not marked as turned into this incident.</source>
        <translation>事件已登记，但该告警此前已被关闭（在本席位或其他席位），未标记为转为此事件。</translation>
    </message>
</context>
<context>
    <name>AlarmPrompt</name>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/alarm_prompt.py" line="55" />
        <source>New monitoring alarm</source>
        <translation>新监测告警</translation>
    </message>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/alarm_prompt.py" line="64" />
        <source>Acknowledge (Enter)</source>
        <translation>确认（Enter）</translation>
    </message>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/alarm_prompt.py" line="69" />
        <source>Open the alarm list</source>
        <translation>打开告警列表</translation>
    </message>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/alarm_prompt.py" line="73" />
        <source>Acknowledging records your name; handle or turn it into an incident in the alarm list.</source>
        <translation>确认将记录您的姓名；处置或转为事件请在告警列表中操作。</translation>
    </message>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/alarm_prompt.py" line="97" />
        <source>%1 new alarms</source>
        <translation>%1 条新告警</translation>
    </message>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/alarm_prompt.py" line="98" />
        <source>%1 alarm: %2</source>
        <translation>%1告警：%2</translation>
    </message>
</context>
<context>
    <name>AlarmTile</name>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/alarm_tile.py" line="50" />
        <source>Monitoring alarms</source>
        <translation>监测告警</translation>
    </message>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/alarm_tile.py" line="84" />
        <source>Alarms could not be read: %1</source>
        <translation>无法读取告警：%1</translation>
    </message>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/alarm_tile.py" line="94" />
        <source>%1 not acknowledged · newest %2 %3 at %4</source>
        <translation>%1 条未确认 · 最新：%2 %3（%4）</translation>
    </message>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/alarm_tile.py" line="98" />
        <source>All acknowledged</source>
        <translation>均已确认</translation>
    </message>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/alarm_tile.py" line="100" />
        <source>No open alarms</source>
        <translation>没有未关闭的告警</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/spec.py" line="43" />
        <source>Monitoring alarms</source>
        <translation>监测告警</translation>
    </message>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/spec.py" line="48" />
        <source>Station charts</source>
        <translation>监测曲线</translation>
    </message>
</context>
<context>
    <name>Monitoring</name>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/alarm_model.py" line="38" />
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/alarm_model.py" line="38" />
        <source>Station</source>
        <translation>监测站</translation>
    </message>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/alarm_model.py" line="38" />
        <source>Alarm</source>
        <translation>告警</translation>
    </message>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/alarm_model.py" line="39" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/alarm_model.py" line="39" />
        <source>Raised at</source>
        <translation>告警时间</translation>
    </message>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/alarm_model.py" line="39" />
        <source>Value</source>
        <translation>读数</translation>
    </message>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/alarm_model.py" line="40" />
        <source>Threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/alarm_model.py" line="40" />
        <source>Peak</source>
        <translation>峰值</translation>
    </message>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/alarm_model.py" line="40" />
        <source>Handled by</source>
        <translation>处理人</translation>
    </message>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/alarm_model.py" line="110" />
        <source>%1, escalated from %2</source>
        <translation>%1，由%2升级</translation>
    </message>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/alarm_model.py" line="113" />
        <source>%1 (back below)</source>
        <translation>%1（已回落）</translation>
    </message>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/alarm_prompt.py" line="41" />
        <source>%1  %2 %3 — %4 (threshold %5) at %6</source>
        <translation>%1  %2 %3 — %4（阈值 %5）%6</translation>
    </message>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/words.py" line="29" />
        <source>Normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/words.py" line="30" />
        <source>Blue</source>
        <translation>蓝色</translation>
    </message>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/words.py" line="30" />
        <source>Yellow</source>
        <translation>黄色</translation>
    </message>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/words.py" line="31" />
        <source>Orange</source>
        <translation>橙色</translation>
    </message>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/words.py" line="31" />
        <source>Red</source>
        <translation>红色</translation>
    </message>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/words.py" line="32" />
        <source>Alert level</source>
        <translation>警戒水位</translation>
    </message>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/words.py" line="32" />
        <source>Guaranteed level</source>
        <translation>保证水位</translation>
    </message>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/words.py" line="36" />
        <source>New</source>
        <translation>新告警</translation>
    </message>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/words.py" line="36" />
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/words.py" line="37" />
        <source>Handled</source>
        <translation>已处置</translation>
    </message>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/words.py" line="37" />
        <source>Turned into incident</source>
        <translation>已转事件</translation>
    </message>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/words.py" line="38" />
        <source>False alarm</source>
        <translation>误报</translation>
    </message>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/words.py" line="42" />
        <source>Rain gauge</source>
        <translation>雨量站</translation>
    </message>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/words.py" line="42" />
        <source>River level</source>
        <translation>河道水位站</translation>
    </message>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/words.py" line="43" />
        <source>Reservoir level</source>
        <translation>水库水位站</translation>
    </message>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/words.py" line="43" />
        <source>Gas concentration</source>
        <translation>气体浓度</translation>
    </message>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/words.py" line="44" />
        <source>Displacement</source>
        <translation>位移监测</translation>
    </message>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/words.py" line="44" />
        <source>Sensor</source>
        <translation>传感器</translation>
    </message>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/words.py" line="48" />
        <source>over threshold</source>
        <translation>超阈值</translation>
    </message>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/words.py" line="48" />
        <source>rising fast</source>
        <translation>上涨过快</translation>
    </message>
</context>
<context>
    <name>MonitoringMap</name>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/map_layer.py" line="36" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/map_layer.py" line="37" />
        <source>Run by</source>
        <translation>运维单位</translation>
    </message>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/map_layer.py" line="38" />
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/map_layer.py" line="41" />
        <source>Latest</source>
        <translation>最新读数</translation>
    </message>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/map_layer.py" line="44" />
        <source>Position</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/map_layer.py" line="104" />
        <source>Monitoring stations (%1, %2 alarmed)</source>
        <translation>监测站（%1，告警 %2）</translation>
    </message>
</context>
<context>
    <name>StationPanel</name>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/station_panel.py" line="57" />
        <source>Choose a station: its readings show here.</source>
        <translation>请选择监测站，其读数曲线显示在此。</translation>
    </message>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/station_panel.py" line="62" />
        <source>24 h</source>
        <translation>24 小时</translation>
    </message>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/station_panel.py" line="62" />
        <source>7 days</source>
        <translation>7 天</translation>
    </message>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/station_panel.py" line="62" />
        <source>30 days</source>
        <translation>30 天</translation>
    </message>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/station_panel.py" line="109" />
        <source>No monitoring stations yet.</source>
        <translation>暂无监测站。</translation>
    </message>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/station_panel.py" line="166" />
        <source>%1 stations compared</source>
        <translation>%1 个站点对比</translation>
    </message>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/station_panel.py" line="167" />
        <source>%1 stations compared (in different units: read each against its own scale)</source>
        <translation>%1 个站点对比（单位不同，请按各自量程判读）</translation>
    </message>
    <message>
        <location filename="../../work/wt-monitoring-ui/views/monitoring/station_panel.py" line="172" />
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
</context>
</TS>