<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>CheckedImport</name>
    <message>
        <location filename="../../views/common/checked_import.py" line="43" />
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../views/common/checked_import.py" line="52" />
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../views/common/checked_import.py" line="52" />
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../views/common/checked_import.py" line="52" />
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../views/common/checked_import.py" line="52" />
        <source>Value</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../views/common/checked_import.py" line="57" />
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../views/common/checked_import.py" line="95" />
        <source>Choose a file first.</source>
        <translation>请先选择文件。</translation>
    </message>
    <message>
        <location filename="../../views/common/checked_import.py" line="98" />
        <source>Checking the file…</source>
        <translation>正在检查文件…</translation>
    </message>
    <message>
        <location filename="../../views/common/checked_import.py" line="106" />
        <source>Saving %1 records…</source>
        <translation>正在保存 %1 条记录…</translation>
    </message>
    <message>
        <location filename="../../views/common/checked_import.py" line="112" />
        <location filename="../../views/common/checked_import.py" line="139" />
        <source>Nothing was imported: %1</source>
        <translation>未导入任何数据：%1</translation>
    </message>
    <message>
        <location filename="../../views/common/checked_import.py" line="114" />
        <source>Nothing was imported: %1 problems. Correct the file and import it again.</source>
        <translation>未导入任何数据：发现 %1 处问题。请修改文件后重新导入。</translation>
    </message>
    <message>
        <location filename="../../views/common/checked_import.py" line="131" />
        <source>Imported: %1 new, %2 updated.</source>
        <translation>已导入：新增 %1，更新 %2。</translation>
    </message>
</context>
<context>
    <name>DutyOverview</name>
    <message>
        <location filename="../../views/duty_overview/view.py" line="45" />
        <source>Open incidents by severity</source>
        <translation>未结事件（按等级）</translation>
    </message>
    <message>
        <location filename="../../views/duty_overview/view.py" line="55" />
        <source>Reports due</source>
        <translation>待报送</translation>
    </message>
    <message>
        <location filename="../../views/duty_overview/view.py" line="95" />
        <source>Reports due (%1)</source>
        <translation>待报送（%1）</translation>
    </message>
    <message>
        <location filename="../../views/duty_overview/view.py" line="1" />
        <source>No report is due within its warning time.</source>
        <translation>暂无临近或超过时限的报告。</translation>
    </message>
    <message>
        <location filename="../../views/duty_overview/view.py" line="1" />
        <source>Reports due: could not be read (%1)</source>
        <translation>待报送：无法读取（%1）</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Only the site that opened this conference may invite to it or close it.</source>
        <translation>只有发起会商的单位可以邀请或结束此会商。</translation>
    </message>
    <message>
        <source>account %1</source>
        <translation>账号 %1</translation>
    </message>
    <message>
        <source>%1 (account %2)</source>
        <translation>%1（账号 %2）</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="18" />
        <source>Especially major (I)</source>
        <translation>特别重大（I级）</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="19" />
        <source>Major (II)</source>
        <translation>重大（II级）</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="20" />
        <source>Relatively major (III)</source>
        <translation>较大（III级）</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="21" />
        <source>General (IV)</source>
        <translation>一般（IV级）</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="22" />
        <location filename="../../views/common/labels.py" line="32" />
        <source>Ungraded</source>
        <translation>未定级</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="28" />
        <source>I</source>
        <translation>I级</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="29" />
        <source>II</source>
        <translation>II级</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="30" />
        <source>III</source>
        <translation>III级</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="31" />
        <source>IV</source>
        <translation>IV级</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="38" />
        <source>Natural disaster</source>
        <translation>自然灾害</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="39" />
        <source>Accident</source>
        <translation>事故灾难</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="40" />
        <source>Public health incident</source>
        <translation>公共卫生事件</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="41" />
        <source>Social safety incident</source>
        <translation>社会安全事件</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="47" />
        <source>Received</source>
        <translation>接报</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="48" />
        <source>Responding</source>
        <translation>处置中</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="49" />
        <source>Closed</source>
        <translation>已结束</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="50" />
        <source>Cancelled</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="56" />
        <source>Phone call</source>
        <translation>电话报告</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="57" />
        <source>From superior</source>
        <translation>上级通报</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="58" />
        <source>From subordinate</source>
        <translation>下级报送</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="59" />
        <source>From department</source>
        <translation>部门通报</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="60" />
        <source>Monitoring system</source>
        <translation>系统监测</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="61" />
        <source>Media / internet</source>
        <translation>媒体/网络</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="62" />
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="68" />
        <source>Initial report</source>
        <translation>首报</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="69" />
        <source>Follow-up report</source>
        <translation>续报</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="70" />
        <source>Final report</source>
        <translation>终报</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="71" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="72" />
        <source>Call</source>
        <translation>来电</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="73" />
        <source>Status change</source>
        <translation>状态变更</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="74" />
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="75" />
        <source>Dispatch</source>
        <translation>调度</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="76" />
        <source>Conference</source>
        <translation>会商</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="77" />
        <source>Minutes</source>
        <translation>会商纪要</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="78" />
        <source>Decision</source>
        <translation>会商决定</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="84" />
        <source>Initial report due</source>
        <translation>首报时限</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="85" />
        <source>Follow-up due</source>
        <translation>续报时限</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="90" />
        <source>EXERCISE</source>
        <translation>演练</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="95" />
        <source>Title</source>
        <translation>事件标题</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="96" />
        <source>Type</source>
        <translation>事件类型</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="97" />
        <source>Category</source>
        <translation>事件类别</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="98" />
        <source>Severity</source>
        <translation>事件等级</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="99" />
        <source>Time of occurrence</source>
        <translation>事发时间</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="100" />
        <source>Place</source>
        <translation>事发地点</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="101" />
        <source>Administrative division</source>
        <translation>行政区划</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="102" />
        <source>Coordinates</source>
        <translation>经纬度</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="103" />
        <source>Deaths</source>
        <translation>死亡人数</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="104" />
        <source>Injured</source>
        <translation>受伤人数</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="105" />
        <source>Missing</source>
        <translation>失踪人数</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="106" />
        <source>Trapped</source>
        <translation>被困人数</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="107" />
        <source>Reporter</source>
        <translation>报告人</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="108" />
        <source>Reporter phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="109" />
        <source>Summary</source>
        <translation>事件概要</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="110" />
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="111" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="112" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="113" />
        <source>Entry</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="123" />
        <source>%1 must not be empty.</source>
        <translation>%1不能为空。</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="126" />
        <source>%1 is too long: at most %2 characters.</source>
        <translation>%1过长：最多 %2 个字。</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="131" />
        <source>%1 lies in the future; check the date and time.</source>
        <translation>%1晚于当前时间，请核对日期和时刻。</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="135" />
        <source>%1 is implausibly far in the past.</source>
        <translation>%1过早，请核对。</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="139" />
        <source>%1 has no time zone.</source>
        <translation>%1缺少时区。</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="142" />
        <source>Enter both latitude and longitude, or neither.</source>
        <translation>请同时填写纬度和经度，或都不填。</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="145" />
        <source>Latitude must be within ±90° and longitude within ±180°.</source>
        <translation>纬度须在 ±90° 以内，经度须在 ±180° 以内。</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="148" />
        <source>Latitude and longitude look swapped: latitude comes first.</source>
        <translation>经纬度可能填反了：应先填纬度，再填经度。</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="151" />
        <source>The coordinates lie outside the service region; check them.</source>
        <translation>该坐标不在本辖区服务范围内，请核对。</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="154" />
        <source>The coordinates are not valid.</source>
        <translation>经纬度无效。</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="157" />
        <source>Unknown incident type.</source>
        <translation>未知的事件类型。</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="158" />
        <source>The type does not belong to the chosen category.</source>
        <translation>所选事件类型不属于该事件类别。</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="161" />
        <source>The incident type is not valid.</source>
        <translation>事件类型无效。</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="164" />
        <source>An initial report has already been sent for this incident.</source>
        <translation>该事件已报送首报。</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="167" />
        <source>Send the initial report first.</source>
        <translation>请先报送首报。</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="170" />
        <source>The final report has been sent; no further reports.</source>
        <translation>该事件已报送终报，不能再报送。</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="173" />
        <source>This kind of entry cannot be added by hand.</source>
        <translation>此类记录不能手工添加。</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="176" />
        <source>This entry is not allowed.</source>
        <translation>不允许添加此记录。</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="179" />
        <source>The picture is not a PNG image.</source>
        <translation>图片不是 PNG 格式。</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="180" />
        <source>The picture is too large to attach (at most 600 KB).</source>
        <translation>图片太大，无法附加（最大 600 KB）。</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="183" />
        <source>The picture cannot be attached.</source>
        <translation>无法附加该图片。</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="185" />
        <source>The status cannot go back or change after the incident is closed.</source>
        <translation>事件状态不能回退，事件结束后也不能再变更。</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="189" />
        <source>The phone number may contain only digits, spaces and + - ( ).</source>
        <translation>电话号码只能包含数字、空格和 + - ( )。</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="193" />
        <source>%1 is out of range.</source>
        <translation>%1超出允许范围。</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="194" />
        <source>%1 is not valid.</source>
        <translation>%1无效。</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="200" />
        <source>The disk is full: nothing was saved. Free some space and try again; what you typed is still in the form.</source>
        <translation>磁盘已满，本次内容未保存。请清理磁盘空间后重试，已填写的内容仍保留在表单中。</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="205" />
        <source>The local database is read-only: nothing was saved. Ask the administrator to check the data folder's permissions.</source>
        <translation>本地数据库为只读，本次内容未保存。请联系管理员检查数据目录的权限。</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="210" />
        <source>The local database is busy: nothing was saved. Try again in a moment.</source>
        <translation>本地数据库正忙，本次内容未保存。请稍后重试。</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="213" />
        <source>The disk reported an error: nothing was saved. Try again, then call support.</source>
        <translation>磁盘读写出错，本次内容未保存。请重试；如仍失败请联系技术保障。</translation>
    </message>
    <message>
        <location filename="../../views/common/labels.py" line="218" />
        <source>The change could not be saved: nothing was stored.</source>
        <translation>无法保存本次修改，未写入任何内容。</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../views/sync_panel/login_dialog.py" line="19" />
        <source>Log in to the platform</source>
        <translation>登录平台</translation>
    </message>
    <message>
        <location filename="../../views/sync_panel/login_dialog.py" line="21" />
        <source>Platform: %1</source>
        <translation>平台：%1</translation>
    </message>
    <message>
        <location filename="../../views/sync_panel/login_dialog.py" line="30" />
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../views/sync_panel/login_dialog.py" line="31" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../views/sync_panel/login_dialog.py" line="39" />
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../views/sync_panel/login_dialog.py" line="47" />
        <source>Enter the user name and the password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>the platform is busy: trying again soon</source>
        <translation>平台繁忙，稍后自动重试</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="40" />
        <source>Watchroom — emergency duty and dispatch</source>
        <translation>应急值守指挥调度客户端</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="53" />
        <source>Incidents</source>
        <translation>事件接报</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="54" />
        <source>Map</source>
        <translation>一张图</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="59" />
        <source>Video wall</source>
        <translation>视频墙</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="63" />
        <location filename="../../app/main_window.py" line="128" />
        <source>Dispatch</source>
        <translation>调度</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="69" />
        <source>Conference</source>
        <translation>会商</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="77" />
        <source>Duty overview</source>
        <translation>值班概况</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="85" />
        <source>Refused operations</source>
        <translation>被拒绝的操作</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="91" />
        <source>Cameras</source>
        <translation>摄像头目录</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="97" />
        <source>Contacts</source>
        <translation>通讯录</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="122" />
        <source>Select an incident first, then issue the order.</source>
        <translation>请先选择事件，再下达指令。</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="127" />
        <source>Dispatch (%1 overdue)</source>
        <translation>调度（%1 条超时）</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="148" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="150" />
        <source>Import camera catalog…</source>
        <translation>导入摄像头目录…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="154" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="158" />
        <source>&amp;Incident</source>
        <translation>事件(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="162" />
        <source>Issue dispatch order…</source>
        <translation>下达调度指令…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="167" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="172" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="173" />
        <source>&amp;About Watchroom</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="180" />
        <source>Offline: no platform configured — working from the local mirror</source>
        <translation>离线：未配置平台，正在使用本地数据</translation>
    </message>
    <message>
        <source>Connecting to the platform…</source>
        <translation>正在连接平台…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="185" />
        <source>Duty officer: %1</source>
        <translation>值班员：%1</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="201" />
        <source>&amp;Platform</source>
        <translation>平台(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="202" />
        <source>Log &amp;in…</source>
        <translation>登录(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="204" />
        <source>Log &amp;out</source>
        <translation>注销(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="212" />
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="213" />
        <source>Weak link</source>
        <translation>弱网</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="214" />
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="215" />
        <source>Offline: no platform configured</source>
        <translation>离线：未配置平台</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="218" />
        <source> · last exchange %1</source>
        <translation> · 最近同步 %1</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="220" />
        <source> · no exchange yet</source>
        <translation> · 尚未同步</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="228" />
        <location filename="../../app/main_window.py" line="253" />
        <source>Pending sync: %1</source>
        <translation>待同步：%1</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="235" />
        <source>platform unreachable</source>
        <translation>无法连接平台</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="236" />
        <source>connection lost during the exchange</source>
        <translation>交换过程中连接中断</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="237" />
        <source>platform server error</source>
        <translation>平台服务器错误</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="238" />
        <source>the platform sent data that cannot be used</source>
        <translation>平台返回的数据无法使用</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="239" />
        <source>the platform refused a request</source>
        <translation>平台拒绝了请求</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="240" />
        <source>not authorised: log in again</source>
        <translation>无权限：请重新登录</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="241" />
        <source>log-in refused: check user name and password</source>
        <translation>登录被拒绝：请检查用户名和密码</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="242" />
        <source>too many failed log-ins: wait a few minutes</source>
        <translation>登录失败次数过多：请几分钟后再试</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="243" />
        <source>not logged in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="244" />
        <source>logged out</source>
        <translation>已登出</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="255" />
        <source>Mirror: %1 incidents</source>
        <translation>本地：%1 起事件</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="272" />
        <source>Local database replaced</source>
        <translation>本地数据库已重建</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="274" />
        <source>The local database failed its integrity check and was moved aside to:
%1

A fresh database was created. Nothing was deleted: give the old file to support so the entries in it can be recovered.</source>
        <translation>本地数据库未通过完整性检查，已移至：
%1

已新建数据库。原文件没有删除，请交给技术保障人员以便恢复其中的记录。</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="283" />
        <source>About Watchroom</source>
        <translation>关于</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="284" />
        <source>Watchroom — emergency duty and dispatch client.
Local database: %1</source>
        <translation>应急值守指挥调度客户端
本地数据库：%1</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="1" />
        <source>Import contacts…</source>
        <translation>导入通讯录…</translation>
    </message>
</context>
<context>
    <name>RejectedOpsView</name>
    <message>
        <source>Records from the platform this workstation could not use</source>
        <translation>平台发来、本机无法使用的记录</translation>
    </message>
    <message>
        <source>Records the platform sends that fail this workstation's checks (a damaged or hostile value) are left out and listed here with the reason; everything else keeps arriving. Tell support.</source>
        <translation>平台发来的记录若未通过本机检查（数据损坏或含恶意内容），将不予采用并在此列出原因；其余数据照常接收。请告知技术保障人员。</translation>
    </message>
    <message>
        <source>%1 %2 — not used: %3</source>
        <translation>%1 %2 — 未采用：%3</translation>
    </message>
    <message>
        <location filename="../../views/sync_panel/rejected_view.py" line="42" />
        <source>Copy content</source>
        <translation>复制内容</translation>
    </message>
    <message>
        <location filename="../../views/sync_panel/rejected_view.py" line="43" />
        <source>Resend</source>
        <translation>重新发送</translation>
    </message>
    <message>
        <location filename="../../views/sync_panel/rejected_view.py" line="44" />
        <source>Discard…</source>
        <translation>放弃…</translation>
    </message>
    <message>
        <location filename="../../views/sync_panel/rejected_view.py" line="61" />
        <source>%1 %2 — refused: %3</source>
        <translation>%1 %2 — 被拒绝：%3</translation>
    </message>
    <message>
        <location filename="../../views/sync_panel/rejected_view.py" line="66" />
        <source>No operations were refused.</source>
        <translation>没有被平台拒绝的操作。</translation>
    </message>
    <message>
        <location filename="../../views/sync_panel/rejected_view.py" line="67" />
        <source>%1 operations were refused by the platform. Read the reason, then copy and correct the content, resend, or discard.</source>
        <translation>有 %1 项操作被平台拒绝。请查看原因，然后复制并更正内容、重新发送或放弃。</translation>
    </message>
    <message>
        <location filename="../../views/sync_panel/rejected_view.py" line="98" />
        <source>Discard operation</source>
        <translation>放弃操作</translation>
    </message>
    <message>
        <location filename="../../views/sync_panel/rejected_view.py" line="99" />
        <source>Discard this refused operation? It will not be sent again. Copy its content first if you still need it.</source>
        <translation>确定放弃这项被拒绝的操作吗？放弃后将不再发送。如仍需要其内容，请先复制。</translation>
    </message>
    <message>
        <location filename="../../views/sync_panel/rejected_view.py" line="1" />
        <source>Operations the platform refuses appear here with its reason, to copy, correct and resend, or discard.</source>
        <translation>平台拒绝的操作会连同原因显示在这里，可复制内容、修改后重新发送或放弃。</translation>
    </message>
</context>
<context>
    <name>GuiOp</name>
    <message>
        <location filename="../../views/common/gui_op.py" line="1" />
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../views/common/gui_op.py" line="1" />
        <source>The change could not be saved: %1</source>
        <translation>修改未能保存：%1</translation>
    </message>
    <message>
        <location filename="../../views/common/gui_op.py" line="1" />
        <source>The program is closing; nothing was changed.</source>
        <translation>程序正在关闭，未作任何修改。</translation>
    </message>
    <message>
        <location filename="../../views/common/gui_op.py" line="1" />
        <source>The record is no longer in the local database; nothing was changed.</source>
        <translation>该记录已不在本地数据库中，未作任何修改。</translation>
    </message>
</context>
</TS>