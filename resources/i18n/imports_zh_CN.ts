<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>CameraImport</name>
    <message>
        <source>The file is larger than 20 MB, or needs more memory to read than an import may use.</source>
        <translation>文件超过 20 MB，或读取所需内存超过导入允许的上限。</translation>
    </message>
    <message>
        <source>The file's text encoding is not accepted: a CSV list must be UTF-8 or GBK, a catalog UTF-8 or GB2312/GBK/GB18030 as it declares (UTF-16, UTF-7 and others are refused).</source>
        <translation>文件的文字编码不被接受：CSV 列表须为 UTF-8 或 GBK，目录 XML 须为其声明的 UTF-8 或 GB2312/GBK/GB18030（UTF-16、UTF-7 等一律拒绝）。</translation>
    </message>
    <message>
        <source>is not an rtsp(s):// or http(s):// address (local files and programs are never opened)</source>
        <translation>不是 rtsp(s):// 或 http(s):// 地址（绝不打开本地文件或程序）</translation>
    </message>
</context>
<context>
    <name>CheckedImport</name>
    <message>
        <source>Checking the file took longer than allowed, so it was stopped. A file built to hang the program looks like this; a sound file this slow should be split.</source>
        <translation>检查文件超过了允许的时间，已被中止。专门用来让程序卡死的文件就是这样；如果是正常文件，请拆分后再导入。</translation>
    </message>
    <message>
        <source>The Excel file unpacks to far more than a workbook holds (a zip bomb), so it was not opened.</source>
        <translation>该 Excel 文件解压后的大小远超正常工作簿（压缩炸弹），未予打开。</translation>
    </message>
    <message>
        <source>The XML declares a DTD or entities; such files are refused for safety.</source>
        <translation>该 XML 声明了 DTD 或实体，出于安全考虑拒绝导入。</translation>
    </message>
    <message>
        <source>The file cannot be imported (%1).</source>
        <translation>无法导入该文件（%1）。</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>无法读取该文件。</translation>
    </message>
    <message>
        <source>The file could not be checked: an unexpected problem, written to the log.</source>
        <translation>无法检查该文件：出现了意外问题，详情已写入日志。</translation>
    </message>
    <message>
        <source>The file holds a number longer than 40 characters.</source>
        <translation>文件中有长度超过 40 个字符的数字。</translation>
    </message>
    <message>
        <source>The file is too large, or needs more memory to read than an import may use.</source>
        <translation>文件过大，或读取所需内存超过导入允许的上限。</translation>
    </message>
    <message>
        <source>The file nests its data deeper than any real file does (more than 32 levels).</source>
        <translation>文件的数据嵌套层级超过任何正常文件（超过 32 层）。</translation>
    </message>
    <message>
        <source>The file's text encoding is not one an import accepts (UTF-8, or GB2312/GBK/GB18030 as declared).</source>
        <translation>文件的文字编码不被接受（仅接受 UTF-8，或按声明的 GB2312/GBK/GB18030）。</translation>
    </message>
    <message>
        <source>a field here is longer than 131,072 characters; reading stopped at this row</source>
        <translation>此处有字段超过 131,072 个字符，读取在此行中止</translation>
    </message>
    <message>
        <source>contains a control character such as NUL (shown escaped); remove it</source>
        <translation>含有 NUL 等控制字符（以转义形式显示），请删除</translation>
    </message>
    <message>
        <source>is not usable (%1)</source>
        <translation>不可用（%1）</translation>
    </message>
    <message>
        <source>is out of range</source>
        <translation>超出允许范围</translation>
    </message>
    <message>
        <source>is too long</source>
        <translation>过长</translation>
    </message>
    <message>
        <source>must be text or a number, not a list or object</source>
        <translation>必须是文字或数字，不能是列表或对象</translation>
    </message>
    <message>
        <source>the CSV quoting is broken here; reading stopped at this row</source>
        <translation>此处 CSV 引号不匹配，读取在此行中止</translation>
    </message>
</context>
<context>
    <name>ContactImport</name>
    <message>
        <source>Parent organisation</source>
        <translation>上级单位</translation>
    </message>
    <message>
        <source>The file is larger than 20 MB, or needs more memory to read than an import may use.</source>
        <translation>文件超过 20 MB，或读取所需内存超过导入允许的上限。</translation>
    </message>
</context>
<context>
    <name>ResourceImport</name>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Checking the tile file took longer than allowed, so it was stopped (a file built to hang the program looks like this).</source>
        <translation>检查瓦片文件超过了允许的时间，已被中止（专门用来让程序卡死的文件就是这样）。</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Division</source>
        <translation>行政区划</translation>
    </message>
    <message>
        <source>The file is larger than 50 MB, or needs more memory to read than an import may use.</source>
        <translation>文件超过 50 MB，或读取所需内存超过导入允许的上限。</translation>
    </message>
    <message>
        <source>The tile file cannot be imported (%1).</source>
        <translation>无法导入该瓦片文件（%1）。</translation>
    </message>
    <message>
        <source>The tile file could not be checked: an unexpected problem, written to the log.</source>
        <translation>无法检查该瓦片文件：出现了意外问题，详情已写入日志。</translation>
    </message>
    <message>
        <source>The tile file, or what it unpacks to, is larger than the import limit or the free disk space allows.</source>
        <translation>瓦片文件（或其展开后的内容）超过导入上限或剩余磁盘空间。</translation>
    </message>
</context>
</TS>
