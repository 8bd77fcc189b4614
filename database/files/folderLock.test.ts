import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { isNetworkFolder, isNetworkFolderWin32, netUseListsDrive, parseWmicDriveType, type RunTool } from './folderLock';

// Outputs as Windows prints them (CRLF, wmic's blank lines), English and Turkish.
const WMIC_NETWORK = '\r\r\n\r\r\nDriveType=4\r\r\n\r\r\n\r\r\n';
const WMIC_LOCAL = '\r\r\n\r\r\nDriveType=3\r\r\n\r\r\n\r\r\n';
const WMIC_USB = '\r\r\n\r\r\nDriveType=2\r\r\n\r\r\n';
const WMIC_NONE = 'No Instance(s) Available.\r\r\n';
const NET_USE_EN = [
  'New connections will be remembered.',
  '',
  '',
  'Status       Local     Remote                    Network',
  '',
  '-------------------------------------------------------------------------------',
  'OK           Z:        \\\\sgk-sunucu\\masa         Microsoft Windows Network',
  'Unavailable  Y:        \\\\nas01\\yedek            Microsoft Windows Network',
  'OK                     \\\\sgk-sunucu\\IPC$         Microsoft Windows Network',
  'The command completed successfully.',
  '',
].join('\r\n');
const NET_USE_TR = [
  'Yeni bağlantılar hatırlanacak.',
  '',
  'Durum        Yerel     Uzak                      Ağ',
  '-------------------------------------------------------------------------------',
  'Bağlantısı Kesildi X:  \\\\ilmudurlugu\\ortak     Microsoft Windows Network',
  'Komut başarıyla tamamlandı.',
  '',
].join('\r\n');
const NET_USE_EMPTY = 'New connections will be remembered.\r\n\r\nThere are no entries in the list.\r\n\r\n';

/** A stand-in for child_process that answers with a recorded output (or null: tool missing). */
function tools(outputs: { wmic?: string | null; net?: string | null; real?: string }) {
  const calls: string[] = [];
  const run: RunTool = (cmd, args) => {
    calls.push(`${cmd} ${args.join(' ')}`);
    return cmd === 'wmic' ? (outputs.wmic ?? null) : (outputs.net ?? null);
  };
  const realpath = (_path: string) => {
    if (outputs.real === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    return outputs.real;
  };
  return { run, realpath, calls };
}

describe('network folders on Windows (mapped drive letters)', () => {
  it('parses wmic DriveType and net use listings', () => {
    expect(parseWmicDriveType(WMIC_NETWORK)).toBe(4);
    expect(parseWmicDriveType(WMIC_LOCAL)).toBe(3);
    expect(parseWmicDriveType(WMIC_NONE)).toBeNull();
    expect(netUseListsDrive(NET_USE_EN, 'Z:')).toBe(true);
    expect(netUseListsDrive(NET_USE_EN, 'y:')).toBe(true); // unavailable is still a share
    expect(netUseListsDrive(NET_USE_EN, 'C:')).toBe(false);
    expect(netUseListsDrive(NET_USE_TR, 'X:')).toBe(true);
    expect(netUseListsDrive(NET_USE_EMPTY, 'Z:')).toBe(false);
  });

  it('a drive mapped to a share is refused: by realpath, by wmic, or by net use where wmic is gone', () => {
    expect(isNetworkFolderWin32('\\\\sgk-sunucu\\masa\\veri')).toBe(true);
    expect(isNetworkFolderWin32('Z:\\Masa', tools({ real: '\\\\sgk-sunucu\\masa\\Masa' }))).toBe(true);
    const byWmic = tools({ real: 'Z:\\Masa', wmic: WMIC_NETWORK });
    expect(isNetworkFolderWin32('z:\\Masa', byWmic)).toBe(true);
    expect(byWmic.calls).toEqual(["wmic logicaldisk where DeviceID='Z:' get DriveType /format:list"]);
    expect(isNetworkFolderWin32('Z:\\Masa', tools({ wmic: null, net: NET_USE_EN }))).toBe(true);
    expect(isNetworkFolderWin32('X:\\Masa', tools({ wmic: WMIC_NONE, net: NET_USE_TR }))).toBe(true);
  });

  it('local disks and USB disks are not network folders; a tool that fails is no refusal', () => {
    const local = tools({ real: 'C:\\Users\\mudur\\AppData\\Roaming\\Masa', wmic: WMIC_LOCAL, net: NET_USE_EN });
    expect(isNetworkFolderWin32('C:\\Users\\mudur\\AppData\\Roaming\\Masa', local)).toBe(false);
    expect(local.calls).toHaveLength(1); // wmic answered: net use not asked
    expect(isNetworkFolderWin32('E:\\Masa', tools({ real: 'E:\\Masa', wmic: WMIC_USB, net: NET_USE_EN }))).toBe(false);
    expect(isNetworkFolderWin32('D:\\Masa', tools({ wmic: null, net: null }))).toBe(false);
    expect(isNetworkFolderWin32('\\\\?\\C:\\Masa', tools({ real: '\\\\?\\C:\\Masa', wmic: WMIC_LOCAL }))).toBe(false);
  });

  it('Linux keeps its behaviour: UNC-like paths and statfs types', () => {
    expect(isNetworkFolder('//sunucu/paylasim/masa', 'linux')).toBe(true);
    expect(isNetworkFolder(os.tmpdir(), 'linux')).toBe(false);
  });
});
