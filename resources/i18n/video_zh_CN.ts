<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>CameraPlayer</name>
    <message>
        <source>This address may not be opened: %1</source>
        <translation>不允许打开此地址：%1</translation>
    </message>
</context>
<context>
    <name>CameraCatalogTree</name>
    <message>
        <location filename="../../views/video/catalog_tree.py" line="36" />
        <source>Find a camera by name or group</source>
        <translation>按名称或分组查找摄像头</translation>
    </message>
    <message>
        <location filename="../../views/video/catalog_tree.py" line="68" />
        <source>%1 (%2/%3 online)</source>
        <translation>%1（在线 %2/%3）</translation>
    </message>
    <message>
        <location filename="../../views/video/catalog_tree.py" line="77" />
        <source>%1 (offline)</source>
        <translation>%1（离线）</translation>
    </message>
    <message>
        <location filename="../../views/video/catalog_tree.py" line="1" />
        <source>No camera matches “%1”.</source>
        <translation>没有与“%1”相符的摄像头。</translation>
    </message>
    <message>
        <location filename="../../views/video/catalog_tree.py" line="1" />
        <source>No cameras yet: import the catalog with File ▸ Import camera catalog…, or log in to the platform to receive it.</source>
        <translation>还没有摄像头：用“文件 ▸ 导入摄像头目录…”导入目录，或登录平台接收目录。</translation>
    </message>
</context>
<context>
    <name>CameraImport</name>
    <message>
        <location filename="../../views/video/import_dialog.py" line="36" />
        <source>Import camera catalog</source>
        <translation>导入摄像头目录</translation>
    </message>
    <message>
        <location filename="../../views/video/import_dialog.py" line="37" />
        <source>File (CSV or GB/T 28181 catalog XML)</source>
        <translation>文件（CSV 或 GB/T 28181 目录 XML）</translation>
    </message>
    <message>
        <location filename="../../views/video/import_dialog.py" line="38" />
        <source>Camera catalogs (*.csv *.xml)</source>
        <translation>摄像头目录 (*.csv *.xml)</translation>
    </message>
    <message>
        <location filename="../../views/video/import_dialog.py" line="42" />
        <source>Recognise from the content</source>
        <translation>按内容自动识别</translation>
    </message>
    <message>
        <location filename="../../views/video/import_dialog.py" line="43" />
        <source>CSV list</source>
        <translation>CSV 列表</translation>
    </message>
    <message>
        <location filename="../../views/video/import_dialog.py" line="44" />
        <source>GB/T 28181 catalog response (XML)</source>
        <translation>GB/T 28181 目录查询应答（XML）</translation>
    </message>
    <message>
        <location filename="../../views/video/import_dialog.py" line="47" />
        <source>For GB/T 28181 catalogs: the media gateway's stream URL, {id} is the camera's 20-digit code</source>
        <translation>用于 GB/T 28181 目录：媒体网关的取流地址，{id} 代表摄像头的 20 位编码</translation>
    </message>
    <message>
        <location filename="../../views/video/import_dialog.py" line="49" />
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../views/video/import_dialog.py" line="50" />
        <source>Stream URL template</source>
        <translation>取流地址模板</translation>
    </message>
    <message>
        <location filename="../../views/video/import_dialog.py" line="61" />
        <source>The file cannot be read.</source>
        <translation>无法读取该文件。</translation>
    </message>
    <message>
        <location filename="../../views/video/import_dialog.py" line="62" />
        <source>The file is larger than 20 MB.</source>
        <translation>文件超过 20 MB。</translation>
    </message>
    <message>
        <location filename="../../views/video/import_dialog.py" line="63" />
        <source>The file lists more than 100,000 cameras.</source>
        <translation>文件中的摄像头超过 100,000 个。</translation>
    </message>
    <message>
        <location filename="../../views/video/import_dialog.py" line="64" />
        <source>The file holds no cameras.</source>
        <translation>文件中没有摄像头。</translation>
    </message>
    <message>
        <location filename="../../views/video/import_dialog.py" line="65" />
        <source>The file's text encoding is not UTF-8, GBK or the one it declares.</source>
        <translation>文件编码不是 UTF-8、GBK 或其声明的编码。</translation>
    </message>
    <message>
        <location filename="../../views/video/import_dialog.py" line="66" />
        <source>The CSV header needs at least the columns 编号 and 名称 (or id and name).</source>
        <translation>CSV 表头至少需要“编号”和“名称”两列（或 id 和 name）。</translation>
    </message>
    <message>
        <location filename="../../views/video/import_dialog.py" line="67" />
        <source>The file is not well-formed XML.</source>
        <translation>文件不是格式正确的 XML。</translation>
    </message>
    <message>
        <location filename="../../views/video/import_dialog.py" line="68" />
        <source>The XML declares a DTD or entities; such files are refused for safety.</source>
        <translation>该 XML 声明了 DTD 或实体，出于安全考虑拒绝导入。</translation>
    </message>
    <message>
        <location filename="../../views/video/import_dialog.py" line="69" />
        <source>The XML is not a GB/T 28181 catalog response (Response with CmdType Catalog).</source>
        <translation>该 XML 不是 GB/T 28181 目录查询应答（CmdType 为 Catalog 的 Response）。</translation>
    </message>
    <message>
        <location filename="../../views/video/import_dialog.py" line="74" />
        <source>is required</source>
        <translation>不能为空</translation>
    </message>
    <message>
        <location filename="../../views/video/import_dialog.py" line="75" />
        <source>is too long</source>
        <translation>过长</translation>
    </message>
    <message>
        <location filename="../../views/video/import_dialog.py" line="76" />
        <source>is not a number (both latitude and longitude, or neither)</source>
        <translation>不是数字（纬度和经度须同时填写或同时留空）</translation>
    </message>
    <message>
        <location filename="../../views/video/import_dialog.py" line="77" />
        <source>latitude and longitude look swapped</source>
        <translation>纬度和经度可能填反了</translation>
    </message>
    <message>
        <location filename="../../views/video/import_dialog.py" line="78" />
        <source>the position is outside China</source>
        <translation>位置不在中国境内</translation>
    </message>
    <message>
        <location filename="../../views/video/import_dialog.py" line="79" />
        <source>is not an rtsp://, http(s):// or file:// address</source>
        <translation>不是 rtsp://、http(s):// 或 file:// 地址</translation>
    </message>
    <message>
        <location filename="../../views/video/import_dialog.py" line="80" />
        <source>must be yes or no (是/否, 1/0)</source>
        <translation>须为是或否（是/否、1/0）</translation>
    </message>
    <message>
        <location filename="../../views/video/import_dialog.py" line="81" />
        <source>repeats the id of row %1</source>
        <translation>与第 %1 行的编号重复</translation>
    </message>
    <message>
        <location filename="../../views/video/import_dialog.py" line="86" />
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../views/video/import_dialog.py" line="86" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../views/video/import_dialog.py" line="86" />
        <source>Position</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../views/video/import_dialog.py" line="86" />
        <source>Main stream</source>
        <translation>主码流</translation>
    </message>
    <message>
        <location filename="../../views/video/import_dialog.py" line="87" />
        <source>Sub stream</source>
        <translation>子码流</translation>
    </message>
    <message>
        <location filename="../../views/video/import_dialog.py" line="87" />
        <source>PTZ</source>
        <translation>云台</translation>
    </message>
    <message>
        <location filename="../../views/video/import_dialog.py" line="87" />
        <source>Online</source>
        <translation>在线</translation>
    </message>
</context>
<context>
    <name>TourDialog</name>
    <message>
        <location filename="../../views/video/tour_dialog.py" line="13" />
        <source>Camera tour</source>
        <translation>轮巡</translation>
    </message>
    <message>
        <location filename="../../views/video/tour_dialog.py" line="18" />
        <source>All cameras</source>
        <translation>全部摄像头</translation>
    </message>
    <message>
        <location filename="../../views/video/tour_dialog.py" line="19" />
        <source>%1 (%2 online)</source>
        <translation>%1（%2 个在线）</translation>
    </message>
    <message>
        <location filename="../../views/video/tour_dialog.py" line="22" />
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../../views/video/tour_dialog.py" line="24" />
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <location filename="../../views/video/tour_dialog.py" line="25" />
        <source>Each page for</source>
        <translation>每页停留</translation>
    </message>
    <message>
        <location filename="../../views/video/tour_dialog.py" line="27" />
        <source>Start tour</source>
        <translation>开始轮巡</translation>
    </message>
</context>
<context>
    <name>VideoTile</name>
    <message>
        <location filename="../../widgets/video_tile.py" line="84" />
        <source>No camera</source>
        <translation>未选择摄像头</translation>
    </message>
    <message>
        <location filename="../../widgets/video_tile.py" line="84" />
        <source>Connecting</source>
        <translation>连接中</translation>
    </message>
    <message>
        <location filename="../../widgets/video_tile.py" line="84" />
        <source>Live</source>
        <translation>直播</translation>
    </message>
    <message>
        <location filename="../../widgets/video_tile.py" line="85" />
        <source>Stalled</source>
        <translation>卡顿</translation>
    </message>
    <message>
        <location filename="../../widgets/video_tile.py" line="85" />
        <source>Signal lost</source>
        <translation>信号中断</translation>
    </message>
    <message>
        <location filename="../../widgets/video_tile.py" line="85" />
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../widgets/video_tile.py" line="90" />
        <source>cannot open the stream</source>
        <translation>无法打开视频流</translation>
    </message>
    <message>
        <location filename="../../widgets/video_tile.py" line="90" />
        <source>the stream broke off</source>
        <translation>视频流中断</translation>
    </message>
    <message>
        <location filename="../../widgets/video_tile.py" line="91" />
        <source>no pictures arrive</source>
        <translation>收不到画面</translation>
    </message>
    <message>
        <location filename="../../widgets/video_tile.py" line="91" />
        <source>the stream ended</source>
        <translation>视频流已结束</translation>
    </message>
    <message>
        <location filename="../../widgets/video_tile.py" line="92" />
        <source>the picture cannot be decoded</source>
        <translation>画面无法解码</translation>
    </message>
    <message>
        <location filename="../../widgets/video_tile.py" line="150" />
        <source>EXERCISE</source>
        <translation>演练</translation>
    </message>
</context>
<context>
    <name>VideoWallPanel</name>
    <message>
        <location filename="../../views/video/panel.py" line="54" />
        <source>%1 tiles</source>
        <translation>%1 分屏</translation>
    </message>
    <message>
        <location filename="../../views/video/panel.py" line="58" />
        <source>Nearby cameras</source>
        <translation>附近摄像头</translation>
    </message>
    <message>
        <location filename="../../views/video/panel.py" line="59" />
        <source>Fill the wall with the cameras nearest the selected incident</source>
        <translation>用离所选事件最近的摄像头填满视频墙</translation>
    </message>
    <message>
        <location filename="../../views/video/panel.py" line="62" />
        <location filename="../../views/video/panel.py" line="127" />
        <source>Tour…</source>
        <translation>轮巡…</translation>
    </message>
    <message>
        <location filename="../../views/video/panel.py" line="63" />
        <source>Show a group's cameras a wall-full at a time (Ctrl+T)</source>
        <translation>按分组轮流上墙显示摄像头，每次一屏（Ctrl+T）</translation>
    </message>
    <message>
        <location filename="../../views/video/panel.py" line="69" />
        <source>Save layout…</source>
        <translation>保存布局方案…</translation>
    </message>
    <message>
        <location filename="../../views/video/panel.py" line="71" />
        <location filename="../../views/video/panel.py" line="193" />
        <source>Delete layout</source>
        <translation>删除布局方案</translation>
    </message>
    <message>
        <location filename="../../views/video/panel.py" line="75" />
        <source>Layout</source>
        <translation>分屏</translation>
    </message>
    <message>
        <location filename="../../views/video/panel.py" line="80" />
        <source>Saved layouts</source>
        <translation>布局方案</translation>
    </message>
    <message>
        <location filename="../../views/video/panel.py" line="108" />
        <source>%1 nearby cameras on the wall</source>
        <translation>已上墙附近摄像头 %1 路</translation>
    </message>
    <message>
        <location filename="../../views/video/panel.py" line="123" />
        <source>No camera of this group is online.</source>
        <translation>该分组没有在线的摄像头。</translation>
    </message>
    <message>
        <location filename="../../views/video/panel.py" line="127" />
        <source>Stop tour</source>
        <translation>停止轮巡</translation>
    </message>
    <message>
        <location filename="../../views/video/panel.py" line="131" />
        <source>Tour of %1: page %2 of %3, every %4 s</source>
        <translation>轮巡 %1：第 %2/%3 页，每 %4 秒</translation>
    </message>
    <message>
        <location filename="../../views/video/panel.py" line="132" />
        <source>all cameras</source>
        <translation>全部摄像头</translation>
    </message>
    <message>
        <location filename="../../views/video/panel.py" line="149" />
        <source>Save layout</source>
        <translation>保存布局方案</translation>
    </message>
    <message>
        <location filename="../../views/video/panel.py" line="149" />
        <source>Name of this layout:</source>
        <translation>方案名称：</translation>
    </message>
    <message>
        <location filename="../../views/video/panel.py" line="164" />
        <source>Layout “%1” saved</source>
        <translation>已保存布局方案“%1”</translation>
    </message>
    <message>
        <location filename="../../views/video/panel.py" line="183" />
        <source>Layout “%1” restored</source>
        <translation>已恢复布局方案“%1”</translation>
    </message>
    <message>
        <location filename="../../views/video/panel.py" line="185" />
        <source>; %1 of its cameras are no longer in the catalog</source>
        <translation>；其中 %1 个摄像头已不在目录中</translation>
    </message>
    <message>
        <location filename="../../views/video/panel.py" line="194" />
        <source>Delete the saved layout “%1”?</source>
        <translation>删除布局方案“%1”？</translation>
    </message>
    <message>
        <location filename="../../views/video/panel.py" line="201" />
        <source>Give the layout a name.</source>
        <translation>请为布局方案命名。</translation>
    </message>
    <message>
        <location filename="../../views/video/panel.py" line="202" />
        <source>The name is too long: at most 40 characters.</source>
        <translation>名称过长：最多 40 个字符。</translation>
    </message>
    <message>
        <location filename="../../views/video/panel.py" line="203" />
        <source>This saved layout cannot be read; save it again.</source>
        <translation>该布局方案无法读取，请重新保存。</translation>
    </message>
    <message>
        <location filename="../../views/video/panel.py" line="211" />
        <source>Save snapshot as PNG…</source>
        <translation>截图另存为 PNG…</translation>
    </message>
    <message>
        <location filename="../../views/video/panel.py" line="212" />
        <source>Attach snapshot to the selected incident</source>
        <translation>截图附到所选事件</translation>
    </message>
    <message>
        <location filename="../../views/video/panel.py" line="215" />
        <source>Restore</source>
        <translation>还原</translation>
    </message>
    <message>
        <location filename="../../views/video/panel.py" line="215" />
        <source>Maximise</source>
        <translation>最大化</translation>
    </message>
    <message>
        <location filename="../../views/video/panel.py" line="216" />
        <source>Remove camera</source>
        <translation>移除摄像头</translation>
    </message>
    <message>
        <location filename="../../views/video/panel.py" line="221" />
        <source>Save snapshot</source>
        <translation>保存截图</translation>
    </message>
    <message>
        <location filename="../../views/video/panel.py" line="223" />
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <location filename="../../views/video/panel.py" line="225" />
        <source>The snapshot could not be written to %1.</source>
        <translation>截图无法写入 %1。</translation>
    </message>
    <message>
        <location filename="../../views/video/panel.py" line="240" />
        <source>Video snapshot: %1 (%2), %3</source>
        <translation>视频截图：%1（%2），%3</translation>
    </message>
    <message>
        <location filename="../../views/video/panel.py" line="251" />
        <source>Snapshot attached to the incident's timeline</source>
        <translation>截图已附到事件时间线</translation>
    </message>
    <message>
        <location filename="../../views/video/panel.py" line="255" />
        <source>Video wall</source>
        <translation>视频墙</translation>
    </message>
    <message>
        <location filename="../../views/video/panel.py" line="1" />
        <source>Layout “%1”: waiting for its cameras from the platform…</source>
        <translation>布局方案“%1”：正在等待平台下发其摄像头…</translation>
    </message>
</context>
<context>
    <name>VideoWall</name>
    <message>
        <location filename="../../views/video/wall.py" line="1" />
        <source>A duty workstation can put a camera here (Display ▸ Put the selected camera on a display tile…).</source>
        <translation>值班席可将摄像头推送到这里（指挥大屏 ▸ 将选中的摄像头推送到大屏画面…）。</translation>
    </message>
    <message>
        <location filename="../../views/video/wall.py" line="1" />
        <source>Drag a camera here from Cameras, or double-click one there.</source>
        <translation>从摄像头目录拖一个摄像头到这里，或在目录中双击摄像头。</translation>
    </message>
</context>
</TS>