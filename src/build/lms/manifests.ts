import type { LmsBuildOptions } from './options.ts';

/** What every manifest needs: the course, and the files the package holds. */
export interface ManifestInput {
  readonly options: LmsBuildOptions;
  /** Paths inside the zip, `/`-separated, the launch page (`index.html`) among them. */
  readonly files: readonly string[];
}

/** The page an LMS launches. */
export const LAUNCH_PAGE = 'index.html';

export function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

/** An XML ID (NCName) from a course id: manifests refer to items and resources by it. */
function xmlId(prefix: string, id: string): string {
  return `${prefix}-${id.replace(/[^A-Za-z0-9._-]/g, '-')}`;
}

function fileList(files: readonly string[], indent: string): string {
  return files.map((file) => `${indent}<file href="${escapeXml(file)}"/>`).join('\n');
}

/**
 * SCORM 1.2 `imsmanifest.xml` (IMS CP 1.1.2 + ADL CP 1.2): one SCO, the whole game, with the
 * mastery score as `adlcp:masteryscore` (0–100).
 */
export function scorm12Manifest({ options, files }: ManifestInput): string {
  const title = escapeXml(options.title);
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${xmlId('manifest', options.id)}" version="1.0"
    xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="${xmlId('org', options.id)}">
    <organization identifier="${xmlId('org', options.id)}">
      <title>${title}</title>
      <item identifier="${xmlId('item', options.id)}" identifierref="${xmlId('res', options.id)}" isvisible="true">
        <title>${title}</title>
        <adlcp:masteryscore>${Math.round(options.masteryScore * 100)}</adlcp:masteryscore>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="${xmlId('res', options.id)}" type="webcontent" adlcp:scormtype="sco" href="${LAUNCH_PAGE}">
${fileList(files, '      ')}
    </resource>
  </resources>
</manifest>
`;
}

/**
 * SCORM 2004 4th edition `imsmanifest.xml`: one SCO whose primary objective is satisfied by
 * measure, so the LMS hands the mastery score to the game as `cmi.scaled_passing_score`.
 */
export function scorm2004Manifest({ options, files }: ManifestInput): string {
  const title = escapeXml(options.title);
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${xmlId('manifest', options.id)}" version="1"
    xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
    xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
    xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
    xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="${xmlId('org', options.id)}">
    <organization identifier="${xmlId('org', options.id)}">
      <title>${title}</title>
      <item identifier="${xmlId('item', options.id)}" identifierref="${xmlId('res', options.id)}">
        <title>${title}</title>
        <imsss:sequencing>
          <imsss:objectives>
            <imsss:primaryObjective objectiveID="${xmlId('mastery', options.id)}" satisfiedByMeasure="true">
              <imsss:minNormalizedMeasure>${options.masteryScore}</imsss:minNormalizedMeasure>
            </imsss:primaryObjective>
          </imsss:objectives>
        </imsss:sequencing>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="${xmlId('res', options.id)}" type="webcontent" adlcp:scormType="sco" href="${LAUNCH_PAGE}">
${fileList(files, '      ')}
    </resource>
  </resources>
</manifest>
`;
}

/**
 * cmi5 `cmi5.xml`: one AU, the whole game, moved on when completed and passed against the
 * mastery score (the LMS passes it back in LaunchData).
 */
export function cmi5CourseStructure({ options }: ManifestInput): string {
  const text = (value: string) => `<langstring lang="en-US">${escapeXml(value)}</langstring>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="${escapeXml(options.activityId)}">
    <title>${text(options.title)}</title>
    <description>${text(options.description)}</description>
  </course>
  <au id="${escapeXml(`${options.activityId}/au`)}" moveOn="CompletedAndPassed" masteryScore="${options.masteryScore}" launchMethod="AnyWindow">
    <title>${text(options.title)}</title>
    <description>${text(options.description)}</description>
    <url>${LAUNCH_PAGE}</url>
  </au>
</courseStructure>
`;
}
