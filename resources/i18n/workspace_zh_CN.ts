<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
        <name>CommanderWindow</name>
        <message>
            <location filename="../../app/wall/display.py" line="45" />
            <source>Watchroom — commander's display</source>
            <translation>Watchroom — 指挥大屏</translation>
        </message>
        <message>
            <location filename="../../app/wall/display.py" line="72" />
            <source>Emergency command — %1</source>
            <translation>应急指挥 — %1</translation>
        </message>
        <message>
            <location filename="../../app/wall/display.py" line="91" />
            <source>EXERCISE</source>
            <translation>演练</translation>
        </message>
        <message>
            <location filename="../../app/wall/display.py" line="126" />
            <source>Platform: online</source>
            <translation>平台：在线</translation>
        </message>
        <message>
            <location filename="../../app/wall/display.py" line="126" />
            <source>Platform: weak link</source>
            <translation>平台：弱网</translation>
        </message>
        <message>
            <location filename="../../app/wall/display.py" line="127" />
            <source>Platform: offline</source>
            <translation>平台：离线</translation>
        </message>
        <message>
            <location filename="../../app/wall/display.py" line="127" />
            <source>Local data only</source>
            <translation>仅本地数据</translation>
        </message>
        <message>
            <location filename="../../app/wall/display.py" line="185" />
            <source>The incident is not on the map (closed, or without a position).</source>
            <translation>该事件不在地图上（已结束或没有位置）。</translation>
        </message>
        <message>
            <location filename="../../app/wall/display.py" line="201" />
            <source>The incident is not in this display's data yet.</source>
            <translation>本大屏尚未收到该事件的数据。</translation>
        </message>
        <message>
            <location filename="../../app/wall/display.py" line="211" />
            <source>The wall shows %1 tiles; there is no tile %2.</source>
            <translation>视频墙当前为 %1 分屏，没有第 %2 个画面。</translation>
        </message>
        <message>
            <location filename="../../app/wall/display.py" line="214" />
            <source>The camera is not in this display's catalog.</source>
            <translation>本大屏的摄像头目录中没有该摄像头。</translation>
        </message>
        <message>
            <location filename="../../app/wall/display.py" line="228" />
            <source>There is no layout named “%1”.</source>
            <translation>没有名为“%1”的布局方案。</translation>
        </message>
    </context>
<context>
        <name>ContactPicker</name>
        <message>
            <location filename="../../views/contacts/picker.py" line="55" />
            <source>no number</source>
            <translation>无号码</translation>
        </message>
    </context>
<context>
        <name>DashboardView</name>
        <message>
            <location filename="../../views/dashboard/view.py" line="79" />
            <source>Dead</source>
            <translation>死亡</translation>
        </message>
        <message>
            <location filename="../../views/dashboard/view.py" line="80" />
            <source>Injured</source>
            <translation>受伤</translation>
        </message>
        <message>
            <location filename="../../views/dashboard/view.py" line="81" />
            <source>Missing / trapped</source>
            <translation>失踪 / 被困</translation>
        </message>
        <message>
            <location filename="../../views/dashboard/view.py" line="82" />
            <source>Resources deployed</source>
            <translation>已出动资源</translation>
        </message>
        <message>
            <location filename="../../views/dashboard/view.py" line="83" />
            <source>Orders awaiting acknowledgement</source>
            <translation>待签收调度指令</translation>
        </message>
        <message>
            <location filename="../../views/dashboard/view.py" line="84" />
            <source>Reports due soon or overdue</source>
            <translation>临近或超过报送时限</translation>
        </message>
        <message>
            <location filename="../../views/dashboard/view.py" line="91" />
            <source>Incidents reported per hour (last 24 h)</source>
            <translation>每小时接报数（近24小时）</translation>
        </message>
        <message>
            <location filename="../../views/dashboard/view.py" line="92" />
            <source>Open incidents by category</source>
            <translation>在办事件（按类别）</translation>
        </message>
        <message>
            <location filename="../../views/dashboard/view.py" line="96" />
            <source>Situation</source>
            <translation>态势</translation>
        </message>
        <message>
            <location filename="../../views/dashboard/view.py" line="125" />
            <source>Figures could not be read: %1</source>
            <translation>无法读取统计数据：%1</translation>
        </message>
        <message>
            <location filename="../../views/dashboard/view.py" line="135" />
            <source>missing %1 · trapped %2</source>
            <translation>失踪 %1 · 被困 %2</translation>
        </message>
        <message>
            <location filename="../../views/dashboard/view.py" line="138" />
            <source>%1 on scene</source>
            <translation>到场 %1</translation>
        </message>
        <message>
            <location filename="../../views/dashboard/view.py" line="140" />
            <location filename="../../views/dashboard/view.py" line="142" />
            <source>%1 overdue</source>
            <translation>超时 %1</translation>
        </message>
        <message>
            <location filename="../../views/dashboard/view.py" line="143" />
            <source>Situation: %1 open incidents</source>
            <translation>态势：在办事件 %1 起</translation>
        </message>
        <message>
            <location filename="../../views/dashboard/view.py" line="150" />
            <source>As of %1</source>
            <translation>数据截至 %1</translation>
        </message>
        <message>
            <location filename="../../views/dashboard/view.py" line="160" />
            <source>%1 %2 — overdue %3</source>
            <translation>%1 %2 — 已超时 %3</translation>
        </message>
        <message>
            <location filename="../../views/dashboard/view.py" line="160" />
            <source>%1 %2 — due in %3</source>
            <translation>%1 %2 — 还剩 %3</translation>
        </message>
        <message>
            <location filename="../../views/dashboard/view.py" line="167" />
            <source>No report is due within its warning time.</source>
            <translation>暂无临近或超过时限的报告。</translation>
        </message>
    </context>
<context>
        <name>IncidentCard</name>
        <message>
            <location filename="../../views/commander/card.py" line="38" />
            <source>EXERCISE</source>
            <translation>演练</translation>
        </message>
        <message>
            <location filename="../../views/commander/card.py" line="38" />
            <source>Occurred</source>
            <translation>发生于</translation>
        </message>
        <message>
            <location filename="../../views/commander/card.py" line="45" />
            <source>Dead %1 · injured %2 · missing %3 · trapped %4</source>
            <translation>死亡 %1 · 受伤 %2 · 失踪 %3 · 被困 %4</translation>
        </message>
    </context>
<context>
        <name>MainWindow</name>
        <message>
            <location filename="../../app/main_window.py" line="83" />
            <source>Dashboard</source>
            <translation>态势概览</translation>
        </message>
        <message>
            <location filename="../../app/main_window.py" line="167" />
            <source>Save this layout</source>
            <translation>保存当前布局</translation>
        </message>
        <message>
            <location filename="../../app/main_window.py" line="169" />
            <source>Default layout for this station</source>
            <translation>恢复本席位默认布局</translation>
        </message>
        <message>
            <location filename="../../app/main_window.py" line="174" />
            <source>Move “%1” to</source>
            <translation>将“%1”移到</translation>
        </message>
        <message>
            <location filename="../../app/main_window.py" line="177" />
            <source>Screen %1: %2 (%3×%4)</source>
            <translation>屏幕 %1：%2（%3×%4）</translation>
        </message>
        <message>
            <location filename="../../app/main_window.py" line="185" />
            <source>Layout saved for this station</source>
            <translation>已保存本席位的布局</translation>
        </message>
        <message>
            <location filename="../../app/main_window.py" line="187" />
            <source>The layout could not be saved (disk full or read-only?)</source>
            <translation>布局未能保存（磁盘已满或只读？）</translation>
        </message>
        <message>
            <location filename="../../app/main_window.py" line="248" />
            <source>&amp;Window</source>
            <translation>窗口(&amp;W)</translation>
        </message>
    </context>
<context>
        <name>MapView</name>
        <message>
            <location filename="../../widgets/map_view/view.py" line="126" />
            <source>The map's files are missing (%1). Run make setup again.</source>
            <translation>地图文件缺失（%1），请重新运行 make setup。</translation>
        </message>
    </context>
<context>
        <name>ScreenWindow</name>
        <message>
            <location filename="../../app/workspace/manager.py" line="57" />
            <source>Watchroom — screen %1</source>
            <translation>Watchroom — 屏幕 %1</translation>
        </message>
    </context>
<context>
        <name>WallPushMenu</name>
        <message>
            <location filename="../../app/wall/push_menu.py" line="22" />
            <source>&amp;Display</source>
            <translation>指挥大屏(&amp;D)</translation>
        </message>
        <message>
            <location filename="../../app/wall/push_menu.py" line="25" />
            <source>Show the selected incident on the display's map</source>
            <translation>在大屏地图上定位选中的事件</translation>
        </message>
        <message>
            <location filename="../../app/wall/push_menu.py" line="26" />
            <source>Show the selected incident's card on the display</source>
            <translation>在大屏上显示选中事件的卡片</translation>
        </message>
        <message>
            <location filename="../../app/wall/push_menu.py" line="27" />
            <source>Hide the incident card on the display</source>
            <translation>隐藏大屏上的事件卡片</translation>
        </message>
        <message>
            <location filename="../../app/wall/push_menu.py" line="28" />
            <source>Put the selected camera on a display tile…</source>
            <translation>将选中的摄像头推送到大屏画面…</translation>
        </message>
        <message>
            <location filename="../../app/wall/push_menu.py" line="29" />
            <source>Switch the display's video wall to a saved layout…</source>
            <translation>将大屏视频墙切换为布局方案…</translation>
        </message>
        <message>
            <location filename="../../app/wall/push_menu.py" line="40" />
            <source>Display: not connected</source>
            <translation>大屏：未连接</translation>
        </message>
        <message>
            <location filename="../../app/wall/push_menu.py" line="49" />
            <source>Display: waiting for its report</source>
            <translation>大屏：等待回报</translation>
        </message>
        <message>
            <location filename="../../app/wall/push_menu.py" line="55" />
            <source>No commander's display is connected to this workstation.</source>
            <translation>本席位没有连接指挥大屏。</translation>
        </message>
        <message>
            <location filename="../../app/wall/push_menu.py" line="64" />
            <source>Select an incident in the log first.</source>
            <translation>请先在事件列表中选择一个事件。</translation>
        </message>
        <message>
            <location filename="../../app/wall/push_menu.py" line="82" />
            <source>Select a camera in the camera catalog first.</source>
            <translation>请先在摄像头目录中选择一个摄像头。</translation>
        </message>
        <message>
            <location filename="../../app/wall/push_menu.py" line="85" />
            <source>Camera to the display</source>
            <translation>摄像头上大屏</translation>
        </message>
        <message>
            <location filename="../../app/wall/push_menu.py" line="86" />
            <source>Tile number on the display:</source>
            <translation>大屏画面编号：</translation>
        </message>
        <message>
            <location filename="../../app/wall/push_menu.py" line="96" />
            <source>No saved video wall layouts yet: save one on the video wall first.</source>
            <translation>还没有保存的视频墙布局方案：请先在视频墙上保存一个。</translation>
        </message>
        <message>
            <location filename="../../app/wall/push_menu.py" line="98" />
            <source>Display layout</source>
            <translation>大屏布局</translation>
        </message>
        <message>
            <location filename="../../app/wall/push_menu.py" line="98" />
            <source>Saved layout:</source>
            <translation>布局方案：</translation>
        </message>
        <message>
            <location filename="../../app/wall/push_menu.py" line="107" />
            <source>The saved layout “%1” cannot be read.</source>
            <translation>布局方案“%1”无法读取。</translation>
        </message>
        <message>
            <location filename="../../app/wall/push_menu.py" line="118" />
            <source>map: %1</source>
            <translation>地图：%1</translation>
        </message>
        <message>
            <location filename="../../app/wall/push_menu.py" line="120" />
            <source>card: %1</source>
            <translation>卡片：%1</translation>
        </message>
        <message>
            <location filename="../../app/wall/push_menu.py" line="122" />
            <source>layout %1</source>
            <translation>布局 %1</translation>
        </message>
        <message>
            <location filename="../../app/wall/push_menu.py" line="123" />
            <source>%1 cameras</source>
            <translation>%1 路视频</translation>
        </message>
        <message>
            <location filename="../../app/wall/push_menu.py" line="124" />
            <source>Display shows %1</source>
            <translation>大屏显示：%1</translation>
        </message>
        <message>
            <location filename="../../app/wall/push_menu.py" line="127" />
            <source>The display did not carry out the last command: %1</source>
            <translation>大屏未执行上一条指令：%1</translation>
        </message>
        <message>
            <location filename="../../app/wall/push_menu.py" line="131" />
            <source>The command did not reach the display (platform: %1).</source>
            <translation>指令未能送达大屏（平台：%1）。</translation>
        </message>
    </context>
</TS>