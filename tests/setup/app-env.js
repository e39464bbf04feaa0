// Runs before each app test file: the app code reads the target from TARO_ENV, as a Taro build defines it.
process.env.TARO_ENV = 'h5';
