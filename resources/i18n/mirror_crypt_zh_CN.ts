<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>MirrorUnlock</name>
    <message>
        <source>Local mirror passphrase</source>
        <translation>本地镜像口令</translation>
    </message>
    <message>
        <source>The local mirror on this computer is encrypted. Choose the passphrase that will unlock it from now on (at least %1 characters); without it nobody, you included, can read the mirror.</source>
        <translation>本机的本地镜像已加密。请设置今后解开它的口令（至少 %1 个字符）；没有口令，任何人（包括您自己）都无法读取镜像。</translation>
    </message>
    <message>
        <source>The local mirror on this computer is encrypted. Enter its passphrase.</source>
        <translation>本机的本地镜像已加密，请输入口令。</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <source>Again</source>
        <translation>再输入一次</translation>
    </message>
    <message>
        <source>Too short: at least %1 characters.</source>
        <translation>口令太短：至少 %1 个字符。</translation>
    </message>
    <message>
        <source>The two entries differ.</source>
        <translation>两次输入的口令不一致。</translation>
    </message>
    <message>
        <source>Enter the passphrase.</source>
        <translation>请输入口令。</translation>
    </message>
    <message>
        <source>Wrong passphrase or key: the local mirror cannot be unlocked. The mirror file has not been changed.</source>
        <translation>口令或密钥错误，无法解开本地镜像。镜像文件未作任何改动。</translation>
    </message>
    <message>
        <source>The local mirror is encrypted and no passphrase was given.</source>
        <translation>本地镜像已加密，但没有输入口令。</translation>
    </message>
    <message>
        <source>The passphrase is too short.</source>
        <translation>口令太短。</translation>
    </message>
    <message>
        <source>This computer has no OS keyring to keep the mirror's key. Set [mirror] encryption = "passphrase" in the configuration.</source>
        <translation>本机没有可用的系统密钥环来保存镜像密钥。请在配置中设置 [mirror] encryption = "passphrase"。</translation>
    </message>
    <message>
        <source>The OS keyring holds no key for this mirror. The mirror file has not been changed.</source>
        <translation>系统密钥环中找不到本地镜像的密钥。镜像文件未作任何改动。</translation>
    </message>
    <message>
        <source>The local mirror is encrypted but the configuration says [mirror] encryption = "off". Set it back to the way it was encrypted.</source>
        <translation>本地镜像已加密，但配置中 [mirror] encryption = "off"。请改回原来的加密方式。</translation>
    </message>
    <message>
        <source>The local mirror was encrypted another way than [mirror] encryption says. Set it back to the way it was encrypted.</source>
        <translation>本地镜像的加密方式与配置 [mirror] encryption 不符。请改回原来的加密方式。</translation>
    </message>
    <message>
        <source>The local mirror is not a plain database and its key record (.key.json) is missing. The file has not been changed.</source>
        <translation>本地镜像不是明文数据库，旁边也没有密钥记录文件（.key.json），无法打开。文件未作任何改动。</translation>
    </message>
    <message>
        <source>The SQLCipher library here lacks full-text search (FTS5) or the spatial index (R*Tree): the encrypted mirror cannot be opened. Install the sqlcipher3 package shipped with Watchroom.</source>
        <translation>本机的 SQLCipher 缺少全文检索（FTS5）或空间索引（R*Tree），无法打开加密镜像。请安装随 Watchroom 提供的 sqlcipher3。</translation>
    </message>
    <message>
        <source>The mirror's key record (.key.json) is damaged or was edited: the mirror cannot be opened. The file has not been changed.</source>
        <translation>本地镜像的密钥记录文件（.key.json）已损坏或被改动，无法打开镜像。镜像文件未作任何改动。</translation>
    </message>
    <message>
        <source>The local mirror cannot be decrypted.</source>
        <translation>本地镜像无法解密。</translation>
    </message>
</context>
</TS>
