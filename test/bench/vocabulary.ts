/** Words the generated names and tags are made of, so that names look like a real team's files. */

export const TOP_FOLDERS = [
  'Marketing', 'Brand', 'Product', 'Events', 'Photography', 'Video', 'Archive', 'Sales', 'People', 'Design', 'Social', 'Press',
]

export const FOLDER_WORDS = [
  'Campaign', 'Shoot', 'Launch', 'Assets', 'Drafts', 'Final', 'Approved', 'Raw', 'Edits', 'Exports', 'Print', 'Web', 'Retail',
  'Spring', 'Summer', 'Autumn', 'Winter', 'Partners', 'Catalogue', 'Packaging', 'Logos', 'Icons', 'Banners', 'Interviews',
  'Trade Show', 'Conference', 'Portraits', 'Team', 'Office', 'Stores', 'Lookbook', 'Newsletter', 'Ads', 'Outdoor', 'Studio',
]

export const ADJECTIVES = [
  'red', 'blue', 'green', 'golden', 'dark', 'bright', 'vintage', 'modern', 'minimal', 'bold', 'soft', 'urban', 'rustic', 'aerial',
  'close', 'wide', 'night', 'morning', 'summer', 'winter', 'final', 'draft', 'hero', 'square', 'portrait', 'landscape',
]

export const NOUNS = [
  'beach', 'city', 'mountain', 'forest', 'logo', 'banner', 'product', 'team', 'office', 'store', 'street', 'coffee', 'bottle',
  'shoe', 'jacket', 'chair', 'lamp', 'garden', 'bridge', 'river', 'harbour', 'market', 'kitchen', 'studio', 'portrait', 'crowd',
  'stage', 'poster', 'flyer', 'brochure', 'sunset', 'skyline', 'window', 'door', 'bicycle', 'car', 'train', 'table', 'plant', 'dog',
]

export const TAGS = [
  ...NOUNS, 'approved', 'draft', 'print-ready', 'web', 'social', 'hero', 'background', 'cutout', 'cmyk', 'rgb', 'licensed',
  'internal', 'external', 'q1', 'q2', 'q3', 'q4', '2022', '2023', '2024', 'spring', 'summer', 'autumn', 'winter', 'people',
  'no-people', 'outdoor', 'indoor', 'black-and-white', 'colour', 'wide', 'close-up', 'aerial', 'night', 'day', 'campaign',
  'press', 'event', 'retail', 'packaging', 'logo', 'icon', 'illustration', 'render', '3d', 'video-still', 'b-roll', 'interview',
]

export const FIRST_NAMES = [
  'Ada', 'Ben', 'Chloe', 'Dan', 'Eva', 'Farid', 'Grace', 'Hugo', 'Ines', 'Jon', 'Kira', 'Liam', 'Maya', 'Noah', 'Olga', 'Pau',
  'Quinn', 'Rosa', 'Sami', 'Tara', 'Uma', 'Victor', 'Wen', 'Xavi', 'Yara', 'Zoe',
]

export const LAST_NAMES = [
  'Adams', 'Berg', 'Costa', 'Dubois', 'Evans', 'Fischer', 'Garcia', 'Horvat', 'Ito', 'Jensen', 'Kowalski', 'Larsen', 'Moreau',
  'Novak', 'Okafor', 'Petrov', 'Rossi', 'Silva', 'Tanaka', 'Ueda', 'Varga', 'Weber', 'Yilmaz', 'Zhang',
]

export const GROUP_WORDS = ['Agency', 'Freelancers', 'Partners', 'Retailers', 'Press', 'Interns', 'Regional', 'Vendors', 'Clients', 'Board']

/** Extension, mime type and whether it has pixel dimensions, weighted by how often each turns up. */
export const FILE_TYPES: { ext: string; mime: string; image: boolean; weight: number }[] = [
  { ext: 'jpg', mime: 'image/jpeg', image: true, weight: 55 },
  { ext: 'png', mime: 'image/png', image: true, weight: 15 },
  { ext: 'tif', mime: 'image/tiff', image: true, weight: 4 },
  { ext: 'svg', mime: 'image/svg+xml', image: true, weight: 4 },
  { ext: 'mp4', mime: 'video/mp4', image: false, weight: 8 },
  { ext: 'pdf', mime: 'application/pdf', image: false, weight: 8 },
  { ext: 'psd', mime: 'image/vnd.adobe.photoshop', image: true, weight: 3 },
  { ext: 'docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', image: false, weight: 3 },
]
